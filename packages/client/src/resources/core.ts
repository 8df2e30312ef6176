import type { Client } from 'openapi-fetch';
import type { RequestOptions } from '../client/options.js';
import type { FetchLike } from '../timeout/fetch-attempt.js';
import type { paths } from '../generated/openapi.js';

/** `vps.http`: the openapi-fetch client of the spec's paths, with the client's auth, retries, timeouts and errors. */
export type VpsHttp = Client<paths>;

/** The openapi-fetch options one call's RequestOptions become. */
export interface CallInit {
  signal?: AbortSignal;
  headers?: Record<string, string>;
  /** Present when the call overrides the client's timeout or retries. */
  fetch?: FetchLike;
}

/** What a resource class needs from the client. */
export interface ResourceCore {
  readonly http: VpsHttp;
  init(options: RequestOptions | undefined): CallInit;
}

/**
 * The body of a successful call. openapi-fetch types `data` as possibly absent because the same result also
 * carries errors; here the error middleware has already thrown for every non-2xx status, so it is the body.
 */
export function successBody<T>(result: { data?: T }): T {
  return result.data as T;
}
