import { apiError } from './errors/api-errors.js';
import { attempt, type AttemptInit } from './attempt.js';
import { VpsConnectionError, VpsInvalidResponseError, VpsRedirectError, VpsTimeoutError } from './errors/transport-errors.js';
import { VpsConfigError } from './errors/vps-error.js';
import { CLIENT_DEFAULTS, checkNumber, type FetchFn, type RequestOptions, type VpsClientOptions } from './options.js';
import { redactor } from './redact.js';
import { backoffMs, RETRYABLE_METHODS, RETRYABLE_STATUSES, retryAfterMs, type RetryPolicy } from './retry.js';
import { sleep } from './sleep.js';
import { assertToken } from './token.js';
import { userAgent } from './user-agent.js';

/** A request's query: scalars, or arrays of them sent as repeated keys; undefined and null are left out. */
export type Query = object;

/**
 * What the resource classes and `vps.http` send through. The token is in the closure of `send`, so no
 * `util.inspect` of a resource shows it.
 */
export interface Transport {
  readonly baseUrl: string;
  /**
   * Sends `method path?query` with a JSON body, retrying what may be retried, and resolves with the parsed body
   * (undefined for a 204), or with `{ data, response }` when `raw` is set. Rejects with a VpsError, or with the
   * caller's signal's reason.
   */
  send(method: string, path: string, options?: RequestOptions, body?: unknown, query?: Query, raw?: boolean): Promise<unknown>;
}

function search(query: Query): string {
  let text = '';
  for (const [key, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== undefined && item !== null) text += `${text ? '&' : '?'}${encodeURIComponent(key)}=${encodeURIComponent(String(item))}`;
    }
  }
  return text;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Validates the client's options and returns the transport of one client. */
export function createTransport(options: VpsClientOptions): Transport {
  assertToken(options?.token);
  const redact = redactor(options.token);
  const baseUrl = (options.baseUrl ?? CLIENT_DEFAULTS.baseUrl).replace(/\/+$/, '');
  if (!/^https?:\/\/[^/]/.test(baseUrl) || !URL.canParse(baseUrl)) {
    throw new VpsConfigError('baseUrl', '`baseUrl` must be an http(s) URL, e.g. https://admin.vps.org');
  }
  checkNumber('timeoutMs', options.timeoutMs, { min: 1, max: Number.MAX_VALUE, infinite: true });
  checkNumber('maxRetries', options.maxRetries, { integer: true, max: 100 });
  checkNumber('retryDelayMs', options.retryDelayMs);
  checkNumber('maxRetryDelayMs', options.maxRetryDelayMs);
  checkNumber('maxRetryAfterMs', options.maxRetryAfterMs);
  const custom: FetchFn | undefined = options.fetch;
  if (custom ? typeof custom !== 'function' : typeof globalThis.fetch !== 'function') {
    throw new VpsConfigError('fetch', '`fetch` must be a function (no global fetch is available)');
  }
  const given = (name: keyof typeof CLIENT_DEFAULTS) => options[name] ?? CLIENT_DEFAULTS[name];
  const policy: RetryPolicy & { timeoutMs: number } = {
    timeoutMs: given('timeoutMs') as number,
    maxRetries: given('maxRetries') as number,
    retryDelayMs: given('retryDelayMs') as number,
    maxRetryDelayMs: given('maxRetryDelayMs') as number,
    maxRetryAfterMs: given('maxRetryAfterMs') as number,
  };
  // Built once: a call without headers of its own sends these objects as they are.
  const plain = { Accept: 'application/json', 'User-Agent': userAgent(options.userAgent), Authorization: `Bearer ${options.token}` };
  const json = { ...plain, 'Content-Type': 'application/json' };

  async function send(method: string, path: string, call?: RequestOptions, body?: unknown, query?: Query, raw?: boolean) {
    let timeoutMs = policy.timeoutMs;
    const retryable = RETRYABLE_METHODS.has(method);
    let maxRetries = retryable ? policy.maxRetries : 0;
    let headers: Record<string, string> = body === undefined ? plain : json;
    const caller = call?.signal;
    if (call) {
      checkNumber('timeoutMs', call.timeoutMs, { min: 1, max: Number.MAX_VALUE, infinite: true });
      checkNumber('maxRetries', call.maxRetries, { integer: true, max: 100 });
      timeoutMs = call.timeoutMs ?? timeoutMs;
      if (retryable) maxRetries = call.maxRetries ?? maxRetries;
      if (call.headers) headers = { ...headers, ...call.headers };
    }
    const url = baseUrl + path + (query ? search(query) : '');
    // A string body can be sent again as it is: nothing is cloned, even when a retry is possible.
    const init: RequestInit = { method, headers, body: body === undefined ? null : JSON.stringify(body), redirect: 'manual' };
    const request: AttemptInit = { method, path, url, init, timeoutMs, caller, custom };
    for (let retry = 0; ; retry++) {
      let outcome: { response: Response; text: string };
      try {
        outcome = await attempt(request);
      } catch (error) {
        const transient = error instanceof VpsTimeoutError || error instanceof VpsConnectionError;
        if (!transient || retry >= maxRetries) throw error;
        await sleep(backoffMs(retry, policy), caller);
        continue;
      }
      const { response, text } = outcome;
      const { status } = response;
      if (status >= 200 && status < 300) {
        let data: unknown;
        if (status !== 204 && status !== 205) {
          try {
            data = JSON.parse(text);
          } catch {
            throw new VpsInvalidResponseError({ method, path, status, body: redact(text) });
          }
        }
        return raw ? { data, response } : data;
      }
      if (response.type === 'opaqueredirect' || (status >= 300 && status < 400)) {
        const location = response.headers.get('location');
        throw new VpsRedirectError({ method, path, status, location: location === null ? undefined : redact(location) });
      }
      const asked = retryAfterMs(response.headers.get('retry-after'));
      // A server that asks for longer than the cap is not retried early: the call fails now, with its retryAfter.
      if (retry < maxRetries && RETRYABLE_STATUSES.has(status) && (asked === undefined || asked <= policy.maxRetryAfterMs)) {
        await sleep(asked ?? backoffMs(retry, policy), caller);
        continue;
      }
      const requestId = response.headers.get('x-request-id') ?? response.headers.get('request-id');
      throw apiError({
        status,
        statusText: redact(response.statusText),
        method,
        path,
        body: text === '' ? undefined : redact(parseJson(text)),
        requestId: requestId === null ? undefined : redact(requestId),
        retryAfter: asked === undefined ? undefined : Math.ceil(asked / 1000),
      });
    }
  }
  return { baseUrl, send };
}
