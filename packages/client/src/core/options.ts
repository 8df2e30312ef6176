import { VpsConfigError } from './errors/vps-error.js';
import type { Hooks, Logger, LogLevel } from './hooks.js';

/**
 * A fetch of your own (a test double, a proxy agent, a logger), called as `fetch(request, init)`: `request` is the
 * whole request, and `init` the same `method`, `headers`, `body` (a JSON string or null), `signal` and
 * `redirect: 'manual'` it was built from. So both `(request) => ...` and a `fetch(input, init)` work.
 */
export type FetchFn = (request: Request, init: RequestInit) => Promise<Response>;

/** A token, or a function called before each attempt that returns the current one (rotating credentials). */
export type TokenSource = string | (() => string | Promise<string>);

/**
 * What `createVpsClient` takes. Every option but `token` has a default (see `CLIENT_DEFAULTS`); each one also takes
 * an explicit `undefined` (`baseUrl: process.env.VPS_BASE_URL`), which means the default.
 */
export interface VpsClientOptions extends Hooks {
  /**
   * An API token from https://admin.vps.org/account/developers/; it starts with `vps_`. Or a function that returns
   * one (or a promise of one), called before every attempt: for credentials that rotate.
   */
  token: TokenSource;
  /** The API's origin. Default `https://admin.vps.org`. */
  baseUrl?: string | undefined;
  /** The fetch to send requests with (a test double, a proxy agent...), called as `fetch(request, init)`. Default: the global fetch, called as `fetch(url, init)`. */
  fetch?: FetchFn | undefined;
  /** How long one attempt may take, headers and body, in ms; `Infinity` turns it off. Default 30000. */
  timeoutMs?: number | undefined;
  /** How many times a GET, PUT or DELETE is retried after a 408, 429, 502, 503, 504, timeout or connection error. Default 2. */
  maxRetries?: number | undefined;
  /** Appended to the User-Agent header, e.g. `my-tool/1.2`. */
  userAgent?: string | undefined;
  /** Headers sent with every request (a call's `headers` add to them); `Authorization` is the token's. */
  headers?: Record<string, string> | undefined;
  /** The first backoff delay in ms; each retry doubles it, with jitter. Default 500. */
  retryDelayMs?: number | undefined;
  /** The longest backoff delay in ms. Default 8000. */
  maxRetryDelayMs?: number | undefined;
  /** The longest wait a `Retry-After` header may ask for, in ms; a longer ask fails the call at once. Default 60000. */
  maxRetryAfterMs?: number | undefined;
  /** `debug` logs one line per attempt (token redacted); `warn` each failed attempt; `error` each failed call. Default `off`. */
  logLevel?: LogLevel | undefined;
  /** Where log lines go. Default `console`. */
  logger?: Logger | undefined;
}

/** The last argument of every resource method. Its hooks run after the client's. */
export interface RequestOptions extends Hooks {
  /** Aborts the call (all its attempts and waits); the call then rejects with the signal's reason, an `AbortError`. */
  signal?: AbortSignal | undefined;
  /** This call's timeout per attempt, in ms, instead of the client's. */
  timeoutMs?: number | undefined;
  /** This call's retries, instead of the client's. */
  maxRetries?: number | undefined;
  /** Extra request headers. */
  headers?: Record<string, string> | undefined;
}

export const CLIENT_DEFAULTS = {
  baseUrl: 'https://admin.vps.org',
  timeoutMs: 30_000,
  maxRetries: 2,
  retryDelayMs: 500,
  maxRetryDelayMs: 8_000,
  maxRetryAfterMs: 60_000,
} as const;

/** The longest delay Node's and browsers' timers take; a longer one fires at once. */
export const MAX_TIMER_MS = 2_147_483_647;

/**
 * Throws a VpsConfigError naming the option when `value` is not a number from `min` to `max` (an integer when
 * `integer`); undefined passes. `max` Infinity lets Infinity through (it turns a limit off).
 */
export function checkNumber(name: string, value: unknown, min = 0, max = MAX_TIMER_MS, integer?: boolean): void {
  if (value !== undefined && !(typeof value === 'number' && value >= min && value <= max && (!integer || Number.isInteger(value)))) {
    throw new VpsConfigError(name, `\`${name}\` must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max}`);
  }
}
