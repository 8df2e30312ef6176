/**
 * Only methods that are safe to repeat are retried. POST and PATCH never are: the API has no idempotency keys, so a
 * create retried after a lost answer could make a second server.
 */
export const RETRYABLE_METHODS: ReadonlySet<string> = new Set(['GET', 'PUT', 'DELETE']);

/**
 * Statuses that say "try again later": the server timed out waiting for the request (408), rate limited (429), or a
 * gateway that could not reach a healthy backend (502-504). A 500 is a bug, not a state that passes.
 */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 429, 502, 503, 504]);

export interface RetryPolicy {
  maxRetries: number;
  retryDelayMs: number;
  maxRetryDelayMs: number;
  maxRetryAfterMs: number;
}

/**
 * The wait before retry number `retry` (0 for the first): `retryDelayMs` doubled per retry, capped at
 * `maxRetryDelayMs`, then shortened by up to a quarter at random so that many clients failing together do not
 * retry in lockstep.
 */
export function backoffMs(
  retry: number,
  { retryDelayMs, maxRetryDelayMs }: Pick<RetryPolicy, 'retryDelayMs' | 'maxRetryDelayMs'>,
  random: () => number = Math.random,
): number {
  return Math.min(maxRetryDelayMs, retryDelayMs * 2 ** retry) * (1 - 0.25 * random());
}

/** HTTP dates (IMF-fixdate, RFC 850, asctime) all start with the day's name; Date.parse alone would take "1.5". */
const HTTP_DATE = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\s/i;

/**
 * How long a `Retry-After` header asks to wait, in ms: it is either delay-seconds (`120`) or an HTTP date
 * (`Wed, 21 Oct 2026 07:28:00 GMT`, relative to `now`). Undefined when absent or unreadable; never negative.
 */
export function retryAfterMs(header: string | null | undefined, now = Date.now()): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = HTTP_DATE.test(value) ? Date.parse(value) : Number.NaN;
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
