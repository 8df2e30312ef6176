/**
 * The wait before retry number `retry` (0 for the first): `retryDelayMs` doubled per retry, capped at
 * `maxRetryDelayMs`, then shortened by up to a quarter at random so that many clients failing together do not
 * retry in lockstep.
 */
export function backoffMs(
  retry: number,
  { retryDelayMs, maxRetryDelayMs }: { retryDelayMs: number; maxRetryDelayMs: number },
  random: () => number = Math.random,
): number {
  const exponential = Math.min(maxRetryDelayMs, retryDelayMs * 2 ** retry);
  return exponential * (1 - 0.25 * random());
}
