import { apiError } from './errors/api-errors.js';
import { attempt, type AttemptInit } from './attempt.js';
import { VpsConnectionError, VpsInvalidResponseError, VpsRedirectError, VpsTimeoutError } from './errors/transport-errors.js';
import { VpsConfigError, VpsError } from './errors/vps-error.js';
import { CallObserver, isLogLevel, logSettings, type Hooks } from './hooks.js';
import { CLIENT_DEFAULTS, checkNumber, type FetchFn, type RequestOptions, type VpsClientOptions } from './options.js';
import { redactError, redactor, type Redact } from './redact.js';
import { backoffMs, RETRYABLE_METHODS, RETRYABLE_STATUSES, retryAfterMs, type RetryPolicy } from './retry.js';
import { sleep } from './sleep.js';
import { assertToken } from './token.js';
import { userAgent } from './user-agent.js';

/** A request's query: scalars, or arrays of them sent as repeated keys; undefined and null are left out. */
export type Query = object;

/** Where a call leaves its answer, for `.withResponse()` and `vps.http`. */
export interface ResponseSink {
  response?: Response;
}

/**
 * What the resource classes and `vps.http` send through. The token is in the closure of `send`, so no
 * `util.inspect` of a resource shows it.
 */
export interface Transport {
  readonly baseUrl: string;
  /**
   * Sends `method path?query` with a JSON body, retrying what may be retried, and resolves with the parsed body
   * (undefined for a 204); the `Response` goes into `sink`. `path` may be a function, called first, whose throw (a
   * path parameter that names no resource) rejects the call. Rejects with a VpsError (the token redacted in it and in
   * its causes), or with the caller's signal's reason.
   */
  send(method: string, path: string | (() => string), options?: RequestOptions, body?: unknown, query?: Query, sink?: ResponseSink): Promise<unknown>;
  /** Redacts the token (every token a provider gave) from a text or a parsed value, in every encoding. */
  redact: Redact;
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

const HOOKS = ['onRequest', 'onResponse', 'onError'] as const;

function checkHooks(hooks: Hooks): void {
  for (const name of HOOKS) {
    if (hooks[name] !== undefined && typeof hooks[name] !== 'function') throw new VpsConfigError(name, `\`${name}\` must be a function`);
  }
}

/** Validates the client's options and returns the transport of one client. */
export function createTransport(options: VpsClientOptions): Transport {
  const source = options?.token;
  if (typeof source !== 'function') assertToken(source);
  const baseUrl = (options.baseUrl ?? CLIENT_DEFAULTS.baseUrl).replace(/\/+$/, '');
  if (!/^https?:\/\/[^/]/.test(baseUrl) || !URL.canParse(baseUrl)) {
    throw new VpsConfigError('baseUrl', '`baseUrl` must be an http(s) URL, e.g. https://admin.vps.org');
  }
  checkNumber('timeoutMs', options.timeoutMs, { min: 1, max: Number.MAX_VALUE, infinite: true });
  checkNumber('maxRetries', options.maxRetries, { integer: true, max: 100 });
  checkNumber('retryDelayMs', options.retryDelayMs);
  checkNumber('maxRetryDelayMs', options.maxRetryDelayMs);
  checkNumber('maxRetryAfterMs', options.maxRetryAfterMs);
  checkHooks(options);
  if (options.logLevel !== undefined && !isLogLevel(options.logLevel)) {
    throw new VpsConfigError('logLevel', "`logLevel` must be 'debug', 'warn', 'error' or 'off'");
  }
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
  const log = logSettings(options.logLevel, options.logger);
  const clientHooks = HOOKS.some((name) => options[name]) ? [options as Hooks] : [];
  // Every token this client has sent: a provider's earlier tokens may still be echoed by a slow answer.
  const tokens = new Set<string>(typeof source === 'string' ? [source] : []);
  let redactTokens: Redact | undefined;
  let redactedCount = 0;
  const redact: Redact = (value) => {
    if (!redactTokens || redactedCount !== tokens.size) {
      redactTokens = redactor(...tokens);
      redactedCount = tokens.size;
    }
    return redactTokens(value);
  };
  const tokenFor = async (): Promise<string> => {
    if (typeof source === 'string') return source;
    const token: unknown = await source();
    assertToken(token);
    tokens.add(token);
    return token;
  };
  // Built once: a call without headers of its own sends these objects as they are.
  const defaults = { ...options.headers, Accept: 'application/json', 'User-Agent': userAgent(options.userAgent) };
  const plain: Record<string, string> = typeof source === 'string' ? { ...defaults, Authorization: `Bearer ${source}` } : defaults;
  const json = { ...plain, 'Content-Type': 'application/json' };
  // Hooks, logging and a token provider make the headers per attempt; without them, a call takes the fast path.
  const observed = clientHooks.length > 0 || log.level < 3 || typeof source === 'function';

  async function send(method: string, to: string | (() => string), call?: RequestOptions, body?: unknown, query?: Query, sink?: ResponseSink) {
    try {
      return await attempts(method, typeof to === 'string' ? to : to(), call, body, query, sink);
    } catch (error) {
      if (error instanceof VpsError && tokens.size) redactError(error, redact);
      throw error;
    }
  }

  async function attempts(method: string, path: string, call?: RequestOptions, body?: unknown, query?: Query, sink?: ResponseSink) {
    let timeoutMs = policy.timeoutMs;
    const retryable = RETRYABLE_METHODS.has(method);
    let maxRetries = retryable ? policy.maxRetries : 0;
    let headers: Record<string, string> = body === undefined ? plain : json;
    const caller = call?.signal;
    let hooks = clientHooks;
    if (call) {
      checkNumber('timeoutMs', call.timeoutMs, { min: 1, max: Number.MAX_VALUE, infinite: true });
      checkNumber('maxRetries', call.maxRetries, { integer: true, max: 100 });
      timeoutMs = call.timeoutMs ?? timeoutMs;
      if (retryable) maxRetries = call.maxRetries ?? maxRetries;
      if (call.headers) headers = { ...headers, ...call.headers };
      if (call.onRequest || call.onResponse || call.onError) {
        checkHooks(call);
        hooks = [...hooks, call];
      }
    }
    const url = baseUrl + path + (query ? search(query) : '');
    const observer = observed || hooks.length ? new CallObserver(hooks, log, method, redact(url), () => redact) : undefined;
    // A string body can be sent again as it is: nothing is cloned, even when a retry is possible.
    const init: RequestInit = { method, headers, body: body === undefined ? null : JSON.stringify(body), redirect: 'manual' };
    const request: AttemptInit = { method, path, url, init, timeoutMs, caller, custom };
    for (let retry = 0; ; retry++) {
      if (observer) {
        const token = await tokenFor();
        init.headers = await observer.request(retry + 1, typeof source === 'string' ? headers : { ...headers, Authorization: `Bearer ${token}` });
      }
      let outcome: { response: Response; text: string };
      try {
        outcome = await attempt(request);
      } catch (error) {
        const transient = error instanceof VpsTimeoutError || error instanceof VpsConnectionError;
        const again = transient && retry < maxRetries;
        // fetch's own error, in the cause, may hold what the server sent: redacted before a hook sees it.
        if (observer && transient) redactError(error, redact);
        observer?.error(error, undefined, again);
        if (!again) throw error;
        await sleep(backoffMs(retry, policy), caller);
        continue;
      }
      const { response, text } = outcome;
      const { status } = response;
      observer?.response(response);
      if (status >= 200 && status < 300) {
        let data: unknown;
        if (status !== 204 && status !== 205) {
          try {
            data = JSON.parse(text);
          } catch {
            const error = new VpsInvalidResponseError({ method, path, status, body: redact(text) });
            observer?.error(error, status, false);
            throw error;
          }
        }
        if (sink) sink.response = response;
        return data;
      }
      if (response.type === 'opaqueredirect' || (status >= 300 && status < 400)) {
        const location = response.headers.get('location');
        const error = new VpsRedirectError({ method, path, status, location: location === null ? undefined : redact(location) });
        observer?.error(error, status, false);
        throw error;
      }
      const asked = retryAfterMs(response.headers.get('retry-after'));
      // A server that asks for longer than the cap is not retried early: the call fails now, with its retryAfter.
      if (retry < maxRetries && RETRYABLE_STATUSES.has(status) && (asked === undefined || asked <= policy.maxRetryAfterMs)) {
        observer?.error(errorOf(response, text, method, path, asked), status, true);
        await sleep(asked ?? backoffMs(retry, policy), caller);
        continue;
      }
      const error = errorOf(response, text, method, path, asked);
      observer?.error(error, status, false);
      throw error;
    }
  }

  function errorOf(response: Response, text: string, method: string, path: string, asked: number | undefined) {
    const requestId = response.headers.get('x-request-id') ?? response.headers.get('request-id');
    return apiError({
      status: response.status,
      statusText: redact(response.statusText),
      method,
      path,
      body: text === '' ? undefined : redact(parseJson(text)),
      requestId: requestId === null ? undefined : redact(requestId),
      retryAfter: asked === undefined ? undefined : Math.ceil(asked / 1000),
    });
  }
  return { baseUrl, send, redact };
}
