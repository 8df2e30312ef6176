import { VpsConnectionError, VpsTimeoutError } from './errors/transport-errors.js';
import { attemptDispatcher, type AttemptDispatcher, type Dispatcher } from './dispatcher.js';
import { MAX_TIMER_MS, type FetchFn } from './options.js';

export interface AttemptInit {
  method: string;
  /** For errors: the request's path without its query. */
  path: string;
  url: string;
  init: RequestInit;
  timeoutMs: number;
  /** The caller's signal: its abort ends the attempt with the signal's reason. */
  caller: AbortSignal | undefined;
  /** A fetch of the caller's; without it, the global fetch. */
  custom: FetchFn | undefined;
}

/**
 * One attempt: the answer and its whole body, within `timeoutMs`, so that a server that stalls half-way through an
 * answer times out too. Rejects with a VpsTimeoutError, a VpsConnectionError, or the caller's signal's reason.
 */
export function attempt(request: AttemptInit): Promise<{ response: Response; text: string }> {
  const dispatcher = request.custom ? undefined : attemptDispatcher();
  return dispatcher?.trusted ? dispatchedAttempt(request, dispatcher) : signalledAttempt(request, dispatcher);
}

/**
 * Node's fetch without a signal: at the deadline, or when the caller's signal aborts, the attempt is rejected and its
 * request aborted through the dispatcher (see dispatcher.ts), before it is written or by closing its socket. A
 * listener on the caller's signal costs far less than a controller of the attempt's own (a server that passes every
 * call its request's signal pays that on every call). Nothing here can be collected before it settles: the timer
 * holds `reject`. Bare callbacks, because this is every call's path and each extra promise shows in `pnpm bench`.
 */
function dispatchedAttempt(
  { method, path, url, init, timeoutMs, caller }: AttemptInit,
  dispatcher: AttemptDispatcher,
): Promise<{ response: Response; text: string }> {
  return new Promise((resolve, reject) => {
    const settle = () => {
      clearTimeout(timer);
      caller?.removeEventListener('abort', onAbort);
    };
    const end = (error: Error) => {
      settle();
      reject(error);
      dispatcher.cancel(error);
    };
    const onAbort = () => end(caller?.reason as Error);
    const timer =
      timeoutMs <= MAX_TIMER_MS ? setTimeout(() => end(new VpsTimeoutError({ method, path, timeoutMs })), timeoutMs) : undefined;
    const fail = (error: unknown) => {
      settle();
      reject(new VpsConnectionError({ method, path, cause: error }));
    };
    if (caller?.aborted) return void reject(caller.reason);
    caller?.addEventListener('abort', onAbort);
    init.signal = undefined;
    (init as { dispatcher?: Dispatcher }).dispatcher = dispatcher;
    try {
      fetch(url, init).then((response) => {
        response.text().then((text) => {
          settle();
          resolve({ response, text });
        }, fail);
      }, fail);
    } catch (error) {
      fail(error); // a fetch that replaced Node's may throw instead of rejecting
    }
  });
}

/**
 * With a signal: a fetch of the caller's, a runtime whose fetch takes no dispatcher, or a global fetch
 * not yet seen to use the one it is given.
 */
async function signalledAttempt(
  { method, path, url, init, timeoutMs, caller, custom }: AttemptInit,
  probe: AttemptDispatcher | undefined,
): Promise<{ response: Response; text: string }> {
  caller?.throwIfAborted();
  // The attempt's own controller, held by this frame and by its timer: fetch follows it even after a collection
  // (a signal made by AbortSignal.any, or a Request passed to fetch, can be collected with its link).
  const controller = new AbortController();
  const onAbort = () => controller.abort(caller?.reason);
  let timedOut = false;
  const timer =
    timeoutMs <= MAX_TIMER_MS
      ? setTimeout(() => {
          timedOut = true;
          controller.abort();
        }, timeoutMs)
      : undefined;
  caller?.addEventListener('abort', onAbort);
  init.signal = controller.signal;
  // A dispatcher the global fetch may use, which shows whether it does; never one left by an earlier attempt.
  if (probe) (init as { dispatcher?: Dispatcher }).dispatcher = probe;
  else delete (init as { dispatcher?: Dispatcher }).dispatcher;
  try {
    if (!custom) {
      const response = await fetch(url, init);
      return { response, text: await response.text() };
    }
    // A fetch of the caller's gets a Request and the same init, so `(request) => ...` and `fetch(input, init)` both
    // work. It may pass the Request on to fetch, whose link to our signal a collection can cut: the races end the
    // attempt on time whatever that fetch does.
    const { signal } = controller;
    const aborted = new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
    aborted.catch(() => undefined); // the races handle it; this keeps an abort after them from being "unhandled"
    const response = await Promise.race([custom(new Request(url, init), init), aborted]);
    return { response, text: await Promise.race([response.text(), aborted]) };
  } catch (error) {
    if (caller?.aborted) throw caller.reason;
    throw timedOut ? new VpsTimeoutError({ method, path, timeoutMs }) : new VpsConnectionError({ method, path, cause: error });
  } finally {
    clearTimeout(timer);
    caller?.removeEventListener('abort', onAbort);
  }
}
