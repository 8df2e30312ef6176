/**
 * Only methods that are safe to repeat are retried. POST and PATCH never are: the API has no idempotency keys, so a
 * create retried after a lost answer could make a second server.
 */
export const RETRYABLE_METHODS: ReadonlySet<string> = new Set(['GET', 'PUT', 'DELETE']);

/** Statuses that say "try again later": rate limited, or a gateway that could not reach a healthy backend. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 502, 503, 504]);

export interface RetryPolicy {
  maxRetries: number;
  retryDelayMs: number;
  maxRetryDelayMs: number;
  maxRetryAfterMs: number;
}
