import type { CallInit } from '../resources/core.js';
import { createRetryingFetch, type TransportPolicy } from '../retry/retrying-fetch.js';
import { checkNumber, type RequestOptions } from './options.js';

/**
 * The openapi-fetch options of one call. A call that overrides the timeout or the retries gets its own fetch
 * (openapi-fetch takes a fetch per call); the others use the client's.
 */
export function callInit(options: RequestOptions | undefined, policy: TransportPolicy): CallInit {
  if (!options) return {};
  const { signal, headers, timeoutMs, maxRetries } = options;
  checkNumber('timeoutMs', timeoutMs, { min: 1, allowInfinity: true });
  checkNumber('maxRetries', maxRetries, { integer: true });
  const init: CallInit = {};
  if (signal) init.signal = signal;
  if (headers) init.headers = headers;
  if (timeoutMs !== undefined || maxRetries !== undefined) {
    init.fetch = createRetryingFetch({ ...policy, timeoutMs: timeoutMs ?? policy.timeoutMs, maxRetries: maxRetries ?? policy.maxRetries });
  }
  return init;
}
