// Waiting for a condition that no event announces (a process gone from /proc, a port freed): poll it until it holds.
// The bound is a hang guard sized for a slow, shared machine, not a guess at how long it takes; past it the error
// names what never happened.

export interface EventuallyOptions {
  /** How long before giving up: a hang guard (default 2 minutes). */
  timeoutMs?: number;
  /** Pause between checks (default 50 ms). */
  intervalMs?: number;
}

export class NeverHappenedError extends Error {
  override name = 'NeverHappenedError';
}

/** Resolves once `check` returns true; rejects naming `what` if it still does not after `timeoutMs`. */
export async function eventually(
  what: string,
  check: () => boolean | Promise<boolean>,
  { timeoutMs = 120_000, intervalMs = 50 }: EventuallyOptions = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new NeverHappenedError(`${what}: still not so after ${Math.round(timeoutMs / 1000)} s`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
