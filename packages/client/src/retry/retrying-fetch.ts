import { VpsConnectionError, VpsTimeoutError } from '../errors/connection-errors.js';
import { fetchAttempt, type FetchLike } from '../timeout/fetch-attempt.js';
import { sleep } from '../util/sleep.js';
import { backoffMs } from './backoff.js';
import { retryAfterMs } from './retry-after.js';
import { RETRYABLE_METHODS, RETRYABLE_STATUSES, type RetryPolicy } from './retry-policy.js';

export interface TransportPolicy extends RetryPolicy {
  fetch: FetchLike;
  timeoutMs: number;
}

/**
 * The fetch that openapi-fetch sends through: each attempt has its own timeout, and GET, PUT and DELETE are sent
 * again after a retryable status, a timeout or a connection error. It is a fetch rather than an openapi-fetch
 * middleware because middleware cannot send a request again nor give each attempt its own signal; middleware
 * (auth, errors) still sees one request and its final response.
 */
export function createRetryingFetch(policy: TransportPolicy): FetchLike {
  return async (request) => {
    const retryable = RETRYABLE_METHODS.has(request.method);
    for (let retry = 0; ; retry += 1) {
      const mayRetry = retryable && retry < policy.maxRetries;
      let response: Response;
      try {
        response = await fetchAttempt(policy.fetch, request, policy.timeoutMs);
      } catch (error) {
        if (!mayRetry || !(error instanceof VpsConnectionError || error instanceof VpsTimeoutError)) throw error;
        await sleep(backoffMs(retry, policy), request.signal);
        continue;
      }
      if (!mayRetry || !RETRYABLE_STATUSES.has(response.status)) return response;
      const asked = retryAfterMs(response.headers.get('retry-after'));
      await sleep(asked === undefined ? backoffMs(retry, policy) : Math.min(asked, policy.maxRetryAfterMs), request.signal);
    }
  };
}
