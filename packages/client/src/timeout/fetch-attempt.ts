import { VpsConnectionError, VpsTimeoutError } from '../errors/connection-errors.js';

/** Statuses whose Response may not carry a body. */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

export type FetchLike = (request: Request) => Promise<Response>;

/**
 * One attempt at a request, bounded by `timeoutMs` from sending it to the end of the body. The body is read here,
 * inside the timeout, so a server that stalls half-way through an answer times out too, and a retry never races a
 * body still streaming. The request's own signal (the caller's) aborts the attempt as well: then the caller's
 * reason is rethrown unchanged, an `AbortError`; only our timer makes a VpsTimeoutError.
 */
export async function fetchAttempt(fetch: FetchLike, request: Request, timeoutMs: number): Promise<Response> {
  const caller = request.signal;
  caller.throwIfAborted();
  const controller = new AbortController();
  const onCallerAbort = () => controller.abort(caller.reason);
  caller.addEventListener('abort', onCallerAbort, { once: true });
  let timedOut = false;
  // setTimeout fires at once for delays past 2^31 - 1 ms, so longer ones mean no timeout, like Infinity.
  const timer =
    timeoutMs <= 2_147_483_647
      ? setTimeout(() => {
          timedOut = true;
          controller.abort(new DOMException(`Timed out after ${timeoutMs} ms`, 'TimeoutError'));
        }, timeoutMs)
      : undefined;
  const { method } = request;
  const path = new URL(request.url).pathname;
  try {
    // Each attempt sends a clone, so the original's body is still unread for the next one.
    const response = await fetch(new Request(request.clone(), { signal: controller.signal }));
    const body = NULL_BODY_STATUSES.has(response.status) ? null : await response.arrayBuffer();
    const copy = new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
    // A constructed Response has no URL; keep the one that was fetched (after redirects) for `vps.http` users.
    Object.defineProperty(copy, 'url', { value: response.url });
    return copy;
  } catch (error) {
    if (caller.aborted) throw caller.reason;
    if (timedOut) {
      throw new VpsTimeoutError({ message: `${method} ${path} timed out after ${timeoutMs} ms`, timeoutMs, method, path });
    }
    throw new VpsConnectionError({ method, path, cause: error });
  } finally {
    clearTimeout(timer);
    caller.removeEventListener('abort', onCallerAbort);
  }
}
