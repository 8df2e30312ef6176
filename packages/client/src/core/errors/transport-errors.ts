import { brand, VpsRequestError } from './vps-error.js';

interface RequestInfo {
  method: string;
  path: string;
}

/** No answer: the connection was refused, reset or dropped, or DNS failed. `cause` holds fetch's own error. */
export class VpsConnectionError extends VpsRequestError {
  static {
    brand(this, 'VpsConnectionError');
  }

  constructor(init: RequestInfo & { cause: unknown }) {
    const cause = init.cause;
    // fetch says "fetch failed"; the useful part (`connect ECONNREFUSED 127.0.0.1:4010`) is in its cause.
    const inner = cause instanceof Error && cause.cause instanceof Error ? `: ${cause.cause.message}` : '';
    const reason = cause instanceof Error ? cause.message + inner : String(cause);
    super(`Could not reach the VPS.org API (${init.method} ${init.path}): ${reason}`, init, { cause });
  }
}

/**
 * One attempt of a request took longer than `timeoutMs`, headers and body. A caller's own `signal` aborting is not a
 * timeout: that rejects with the signal's reason, an `AbortError`.
 */
export class VpsTimeoutError extends VpsRequestError {
  static {
    brand(this, 'VpsTimeoutError');
  }
  declare readonly timeoutMs: number;

  constructor(init: RequestInfo & { timeoutMs: number }) {
    super(`${init.method} ${init.path} timed out after ${init.timeoutMs} ms`, init);
    this.timeoutMs = init.timeoutMs;
  }
}

/**
 * The API answered with a redirect. It never redirects, so a 3xx comes from something in between (a proxy, a
 * moved base URL); following it would turn a POST or DELETE into a GET, or send the answer of another host.
 */
export class VpsRedirectError extends VpsRequestError {
  static {
    brand(this, 'VpsRedirectError');
  }
  /** 301, 302, 303, 307, 308; 0 when the runtime hides the redirect (a browser's opaque redirect). */
  declare readonly status: number;
  /** The `Location` header, when the runtime shows it. */
  declare readonly location: string | undefined;

  constructor(init: RequestInfo & { status: number; location: string | undefined }) {
    const to = init.location ? ` to ${init.location}` : '';
    super(`${init.method} ${init.path} was redirected (${init.status || 'opaque'})${to}; the VPS.org API does not redirect, so it was not followed`, init);
    this.status = init.status;
    this.location = init.location;
  }
}

/** A 2xx whose body is not the JSON the operation returns: an HTML page, a truncated or an empty body. */
export class VpsInvalidResponseError extends VpsRequestError {
  static {
    brand(this, 'VpsInvalidResponseError');
  }
  declare readonly status: number;
  /** The body as received (token redacted), cut to 200 characters. */
  declare readonly body: string;

  constructor(init: RequestInfo & { status: number; body: string }) {
    const what = init.body === '' ? 'an empty body' : 'a body that is not JSON';
    super(`${init.method} ${init.path} answered ${init.status} with ${what}`, init);
    this.status = init.status;
    this.body = init.body.slice(0, 200);
  }
}
