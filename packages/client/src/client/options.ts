/** What `createVpsClient` takes. Every option but `token` has a default (see `CLIENT_DEFAULTS`). */
export interface VpsClientOptions {
  /** An API token from https://admin.vps.org/account/developers/; it starts with `vps_`. */
  token: string;
  /** The API's origin. Default `https://admin.vps.org`. */
  baseUrl?: string;
  /** The fetch to send requests with (a test double, a proxy agent...). Default `globalThis.fetch`. */
  fetch?: (request: Request) => Promise<Response>;
  /** How long one attempt may take, headers and body, in ms; `Infinity` turns it off. Default 30000. */
  timeoutMs?: number;
  /** How many times a GET, PUT or DELETE is retried after a 429, 502, 503, 504, timeout or connection error. Default 2. */
  maxRetries?: number;
  /** Appended to the User-Agent header, e.g. `my-tool/1.2`. */
  userAgent?: string;
  /** The first backoff delay in ms; each retry doubles it, with jitter. Default 500. */
  retryDelayMs?: number;
  /** The longest backoff delay in ms. Default 8000. */
  maxRetryDelayMs?: number;
  /** The longest wait a `Retry-After` header can ask for, in ms; longer asks are capped to it. Default 60000. */
  maxRetryAfterMs?: number;
}

/** The last argument of every resource method. */
export interface RequestOptions {
  /** Aborts the call (all its attempts and waits); the call then rejects with the signal's reason, an `AbortError`. */
  signal?: AbortSignal;
  /** This call's timeout per attempt, in ms, instead of the client's. */
  timeoutMs?: number;
  /** This call's retries, instead of the client's. */
  maxRetries?: number;
  /** Extra request headers. */
  headers?: Record<string, string>;
}

export const CLIENT_DEFAULTS = {
  baseUrl: 'https://admin.vps.org',
  timeoutMs: 30_000,
  maxRetries: 2,
  retryDelayMs: 500,
  maxRetryDelayMs: 8_000,
  maxRetryAfterMs: 60_000,
} as const;

/** Throws a RangeError naming the option when `value` is not a number in range (undefined passes). */
export function checkNumber(name: string, value: unknown, { integer = false, min = 0, allowInfinity = false } = {}): void {
  if (value === undefined) return;
  const ok =
    typeof value === 'number' &&
    !Number.isNaN(value) &&
    value >= min &&
    (allowInfinity || Number.isFinite(value)) &&
    (!integer || Number.isInteger(value));
  if (!ok) {
    const kind = integer ? 'an integer' : 'a number';
    throw new RangeError(`VpsClient: \`${name}\` must be ${kind} >= ${min}${allowInfinity ? ' (or Infinity)' : ''}`);
  }
}
