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
  const dispatcher = request.caller || request.custom ? undefined : attemptDispatcher();
  return dispatcher?.trusted ? dispatchedAttempt(request, dispatcher) : signalledAttempt(request, dispatcher);
}

/**
 * Node's fetch without a signal: at the deadline a timer rejects the attempt and aborts its request through the
 * dispatcher (see dispatcher.ts), before it is written or by closing its socket. Nothing here can be collected
 * before it settles: the timer holds `reject`. Bare callbacks, because this is every call's path and each extra
 * promise shows in `pnpm bench`.
 */
function dispatchedAttempt({ method, path, url, init, timeoutMs }: AttemptInit, dispatcher: AttemptDispatcher): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const timer =
      timeoutMs <= MAX_TIMER_MS
        ? setTimeout(() => {
            const error = new VpsTimeoutError({ method, path, timeoutMs });
            reject(error);
            dispatcher.cancel(error);
          }, timeoutMs)
        : undefined;
    const fail = (error: unknown) => {
      clearTimeout(timer);
      reject(new VpsConnectionError({ method, path, cause: error }));
    };
    init.signal = undefined;
    (init as { dispatcher?: Dispatcher }).dispatcher = dispatcher;
    try {
      fetch(url, init).then((response) => {
        response.text().then((text) => {
          clearTimeout(timer);
          resolve({ response, text });
        }, fail);
      }, fail);
    } catch (error) {
      fail(error); // a fetch that replaced Node's may throw instead of rejecting
    }
  });
}

