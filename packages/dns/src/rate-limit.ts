// The client retries a 429 only for GET, PUT and DELETE: a POST or PATCH might have been carried out before a lost
// answer. A 429 itself means the API did nothing, so the apply's creates and patches wait and go again.
import { RateLimitError } from '@vps-org/client';
import { setTimeout as sleep } from 'node:timers/promises';

export interface RateLimitPolicy {
  /** How many times one write is sent again after a 429. */
  retries: number;
  /** The wait when the answer has no `Retry-After`, doubled at each retry, in ms. */
  baseDelayMs: number;
  /** The longest wait, in ms: a longer `Retry-After` fails the write instead. */
  maxDelayMs: number;
}

export const RATE_LIMIT_DEFAULTS: RateLimitPolicy = { retries: 5, baseDelayMs: 1000, maxDelayMs: 60_000 };

export async function retryRateLimited<T>(write: () => Promise<T>, policy: RateLimitPolicy = RATE_LIMIT_DEFAULTS): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      if (!(error instanceof RateLimitError) || attempt >= policy.retries) throw error;
      const asked = typeof error.retryAfter === 'number' ? error.retryAfter * 1000 : policy.baseDelayMs * 2 ** attempt;
      if (asked > policy.maxDelayMs) throw error;
      await sleep(asked);
    }
  }
}
