import { VpsConnectionError, VpsTimeoutError } from './errors/transport-errors.js';
import type { Dispatcher } from './dispatcher.js';
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

/** The answer of one attempt and its whole body. */
export interface Outcome {
  response: Response;
  text: string;
}

/**
 * With a signal: a fetch of the caller's, a runtime whose fetch takes no dispatcher (a browser), or a global fetch
 * not yet seen to use the one it is given.
 */
export async function signalledAttempt(
  { method, path, url, init, timeoutMs, caller, custom }: AttemptInit,
  probe?: Dispatcher,
): Promise<Outcome> {
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
