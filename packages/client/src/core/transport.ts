import { apiError } from './errors/api-errors.js';
import { attempt } from '#attempt';
import type { AttemptInit, Outcome } from './signalled-attempt.js';
import { VpsConnectionError, VpsInvalidResponseError, VpsRedirectError, VpsTimeoutError } from './errors/transport-errors.js';
import { VpsConfigError, VpsError } from './errors/vps-error.js';
import { CallObserver, isLogLevel, LOG_LEVELS, type Hooks } from './hooks.js';
import { CLIENT_DEFAULTS, checkNumber, type RequestOptions, type VpsClientOptions } from './options.js';
import { redactor, type Redact } from './redact.js';
import { backoffMs, RETRYABLE_METHODS, RETRYABLE_STATUSES, retryAfterMs } from './retry.js';
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
      if (item != null) text += `${text ? '&' : '?'}${encodeURIComponent(key)}=${encodeURIComponent(String(item))}`;
    }
  }
  return text;
}

const HOOKS = ['onRequest', 'onResponse', 'onError'] as const;

/** Checks what a client and a call both take; says whether a hook is set. */
function checkShared(options: RequestOptions): boolean {
  checkNumber('timeoutMs', options.timeoutMs, 1, Infinity);
  checkNumber('maxRetries', options.maxRetries, 0, 100, true);
  let hooked = false;
  for (const name of HOOKS) {
    if (options[name] !== undefined && typeof options[name] !== 'function') throw new VpsConfigError(name, `\`${name}\` must be a function`);
    hooked ||= options[name] !== undefined;
  }
  return hooked;
}

/** Validates the client's options and returns the transport of one client. */
export function createTransport(options: VpsClientOptions): Transport {
  const source = options?.token;
  if (typeof source !== 'function') assertToken(source);
  const {
    fetch: custom,
    timeoutMs = CLIENT_DEFAULTS.timeoutMs,
    maxRetries = CLIENT_DEFAULTS.maxRetries,
    retryDelayMs = CLIENT_DEFAULTS.retryDelayMs,
    maxRetryDelayMs = CLIENT_DEFAULTS.maxRetryDelayMs,
    maxRetryAfterMs = CLIENT_DEFAULTS.maxRetryAfterMs,
  } = options;
  const baseUrl = (options.baseUrl ?? CLIENT_DEFAULTS.baseUrl).replace(/\/+$/, '');
  if (!/^https?:\/\/[^/]/.test(baseUrl) || !URL.canParse(baseUrl)) {
    throw new VpsConfigError('baseUrl', '`baseUrl` must be an http(s) URL, e.g. https://admin.vps.org');
  }
  const clientHooks = checkShared(options) ? [options as Hooks] : [];
  checkNumber('retryDelayMs', retryDelayMs);
  checkNumber('maxRetryDelayMs', maxRetryDelayMs);
  checkNumber('maxRetryAfterMs', maxRetryAfterMs);
  if (options.logLevel !== undefined && !isLogLevel(options.logLevel)) {
    throw new VpsConfigError('logLevel', "`logLevel` must be 'debug', 'warn', 'error' or 'off'");
  }
  if (typeof (custom ?? globalThis.fetch) !== 'function') {
    throw new VpsConfigError('fetch', '`fetch` must be a function (no global fetch is available)');
  }
  const backoff = { retryDelayMs, maxRetryDelayMs };
  // Every token this client has sent: a provider's earlier tokens may still be echoed by a slow answer.
  const tokens = new Set<string>(typeof source === 'string' ? [source] : []);
  let redactTokens: Redact | undefined;
  let redactedCount = 0;
  const redact: Redact = (value) => {
    if (redactedCount !== tokens.size) {
      redactTokens = redactor(...tokens);
      redactedCount = tokens.size;
    }
    return redactTokens ? redactTokens(value) : value;
  };
  const level = LOG_LEVELS[options.logLevel ?? 'off'];
  const logger = options.logger ?? console;
  // Built once: a call without headers of its own sends these objects as they are.
  const defaults = { ...options.headers, Accept: 'application/json', 'User-Agent': userAgent(options.userAgent) };
  const plain: Record<string, string> = typeof source === 'string' ? { ...defaults, Authorization: `Bearer ${source}` } : defaults;
  const json = { ...plain, 'Content-Type': 'application/json' };
  // Hooks, logging and a token provider make the headers per attempt; without them, a call takes the fast path.
  const observed = clientHooks.length > 0 || level < 3 || typeof source === 'function';

  async function send(method: string, to: string | (() => string), call?: RequestOptions, body?: unknown, query?: Query, sink?: ResponseSink) {
    try {
      return await attempts(method, typeof to === 'string' ? to : to(), call, body, query, sink);
    } catch (error) {
      if (error instanceof VpsError) redact(error);
      throw error;
    }
  }

  async function attempts(method: string, path: string, call?: RequestOptions, body?: unknown, query?: Query, sink?: ResponseSink) {
    // A call without options of its own (most) skips their checks.
    const hooks = call && checkShared(call) ? [...clientHooks, call as Hooks] : clientHooks;
    const retries = RETRYABLE_METHODS.has(method) ? (call?.maxRetries ?? maxRetries) : 0;
    const headers: Record<string, string> = call?.headers ? { ...(body === undefined ? plain : json), ...call.headers } : body === undefined ? plain : json;
    const caller = call?.signal;
    const url = baseUrl + path + (query ? search(query) : '');
    const observer = observed || hooks.length ? new CallObserver(hooks, level, logger, method, redact(url), redact) : undefined;
    // A string body can be sent again as it is: nothing is cloned, even when a retry is possible.
    const init: RequestInit = { method, headers, body: body === undefined ? null : JSON.stringify(body), redirect: 'manual' };
    const request: AttemptInit = { method, path, url, init, timeoutMs: call?.timeoutMs ?? timeoutMs, caller, custom };
    // Reports a failed attempt and says whether to try again; throws the error when not.
    const failed = (error: unknown, status: number | undefined, again: boolean) => {
      observer?.error(error, status, again);
      if (!again) throw error;
    };
    for (let retry = 0; ; retry++) {
      if (observer) {
        let sent = headers;
        if (typeof source === 'function') {
          const token: unknown = await source();
          assertToken(token);
          tokens.add(token);
          sent = { ...headers, Authorization: `Bearer ${token}` };
        }
        init.headers = await observer.request(retry + 1, sent);
      }
      let outcome: Outcome;
      try {
        outcome = await attempt(request);
      } catch (error) {
        const transient = error instanceof VpsTimeoutError || error instanceof VpsConnectionError;
        // fetch's own error, in the cause, may hold what the server sent: redacted before a hook sees it.
        if (observer && transient) redact(error);
        failed(error, undefined, transient && retry < retries);
        await sleep(backoffMs(retry, backoff), caller);
        continue;
      }
      const { response, text } = outcome;
      const { status, headers: answer } = response;
      observer?.response(response);
      if (status >= 200 && status < 300) {
        try {
          const data: unknown = status === 204 || status === 205 ? undefined : JSON.parse(text);
          if (sink) sink.response = response;
          return data;
        } catch {
          failed(new VpsInvalidResponseError({ method, path, status, body: redact(text) }), status, false);
        }
      }
      if (response.type === 'opaqueredirect' || (status >= 300 && status < 400)) {
        failed(new VpsRedirectError({ method, path, status, location: redact(answer.get('location') ?? undefined) }), status, false);
      }
      const asked = retryAfterMs(answer.get('retry-after'));
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        // An HTML page of a proxy, a truncated body: kept as text.
      }
      const requestId = answer.get('x-request-id') ?? answer.get('request-id') ?? undefined;
      const error = apiError({
        status,
        statusText: redact(response.statusText),
        method,
        path,
        body: text === '' ? undefined : redact(parsed),
        requestId: redact(requestId),
        retryAfter: asked === undefined ? undefined : Math.ceil(asked / 1000),
      });
      // A server that asks for longer than the cap is not retried early: the call fails now, with its retryAfter.
      failed(error, status, retry < retries && RETRYABLE_STATUSES.has(status) && (asked ?? 0) <= maxRetryAfterMs);
      await sleep(asked ?? backoffMs(retry, backoff), caller);
    }
  }
  return { baseUrl, send, redact };
}
