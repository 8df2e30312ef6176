/** No answer: the connection was refused, reset or dropped, or DNS failed. `cause` holds fetch's own error. */
export class VpsConnectionError extends Error {
  override name = 'VpsConnectionError';
  readonly method: string;
  readonly path: string;

  constructor(init: { method: string; path: string; cause: unknown }) {
    const reason = init.cause instanceof Error ? describeCause(init.cause) : String(init.cause);
    super(`Could not reach the VPS.org API (${init.method} ${init.path}): ${reason}`, { cause: init.cause });
    this.method = init.method;
    this.path = init.path;
  }
}

/** fetch says "fetch failed"; the useful part (`connect ECONNREFUSED 127.0.0.1:4010`) is in its cause. */
function describeCause(error: Error): string {
  const inner = error.cause instanceof Error ? error.cause : undefined;
  return inner ? `${error.message}: ${inner.message}` : error.message;
}

/**
 * Something took longer than allowed: one attempt of a request (past `timeoutMs`), or a waiter whose resource did
 * not reach the status in time (then `lastStatus` is the last one it saw). A caller's own `signal` aborting is not
 * a timeout: that rejects with the signal's reason, an `AbortError`.
 */
export class VpsTimeoutError extends Error {
  override name = 'VpsTimeoutError';
  readonly timeoutMs: number;
  /** The request that timed out; undefined for a waiter. */
  readonly method: string | undefined;
  readonly path: string | undefined;
  /** The last status a waiter saw. */
  readonly lastStatus: string | undefined;

  constructor(init: { message: string; timeoutMs: number; method?: string; path?: string; lastStatus?: string }) {
    super(init.message);
    this.timeoutMs = init.timeoutMs;
    this.method = init.method;
    this.path = init.path;
    this.lastStatus = init.lastStatus;
  }
}
