// For tests whose behaviour is a deadline: the client's timers on a fake clock, moved on only once the event the
// deadline is about has happened (a request arrived), so a descheduled process cannot make them fire early.
import { onTestFinished, vi } from 'vitest';

/** A promise and its resolve, for "the server got the request" and the like. */
export function eventually<T = void>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/**
 * Fakes `setTimeout` and `clearTimeout` (not Date, not I/O: sockets and servers run in real time) until the test
 * ends. `advance` fires what is due; `advanceAsync` also runs the promise callbacks each timer leads to, so a timer
 * set by one of them (a backoff after a timeout) fires too if it falls within the step.
 */
export function fakeTimeouts(): { advance(ms: number): void; advanceAsync(ms: number): Promise<void> } {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  onTestFinished(() => void vi.useRealTimers());
  return {
    advance: (ms) => void vi.advanceTimersByTime(ms),
    advanceAsync: async (ms) => void (await vi.advanceTimersByTimeAsync(ms)),
  };
}
