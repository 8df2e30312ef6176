import { VpsConnectionError, VpsTimeoutError } from './errors/transport-errors.js';
import { attemptDispatcher, type AttemptDispatcher, type Dispatcher } from './dispatcher.js';
import { MAX_TIMER_MS } from './options.js';
import { signalledAttempt, type AttemptInit, type Outcome } from './signalled-attempt.js';

export type { AttemptInit, Outcome } from './signalled-attempt.js';

/**
 * One attempt: the answer and its whole body, within `timeoutMs`, so that a server that stalls half-way through an
 * answer times out too. Rejects with a VpsTimeoutError, a VpsConnectionError, or the caller's signal's reason.
 */
export function attempt(request: AttemptInit): Promise<Outcome> {
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
): Promise<Outcome> {
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

