/**
 * Where undici (Node's fetch) keeps the dispatcher fetch sends through; `setGlobalDispatcher` of Node's bundled
 * undici and of the npm package both write it, so a proxy agent or a MockAgent a program installed is found here.
 */
const GLOBAL_DISPATCHER = Symbol.for('undici.globalDispatcher.1');

/** The part of undici's Dispatcher that Node's fetch calls. */
export interface Dispatcher {
  dispatch(options: object, handler: object): boolean;
  readonly isMockActive?: boolean | undefined;
}

/** undici's handler hooks that hand over the request's abort: `onConnect` (fetch of undici 6 and 7), or `onRequestStart` (8). */
interface Handler {
  onConnect?: (abort: (reason: Error) => void, ...rest: unknown[]) => unknown;
  onRequestStart?: (controller: { abort(reason: Error): void }, ...rest: unknown[]) => unknown;
}

/**
 * The global fetch last seen to send through the dispatcher it was given. A fetch that replaced Node's (msw, a
 * polyfill) may drop the option, and a request it sends could not be ended at its deadline: until a fetch has shown
 * it dispatches, its attempts also get a signal.
 */
let honouring: unknown;

/**
 * A dispatcher for Node's fetch, one per attempt, that sends through the one fetch would use anyway and keeps the
 * request's abort, so the client's timer can end the request without an AbortSignal: Node 20's fetch costs about 8%
 * more per call when given a signal (`pnpm bench`). A class, not closures: it is made on every call's path.
 */
export class AttemptDispatcher implements Dispatcher {
  /** The global fetch when the attempt began: this dispatcher also tells whether it dispatches. */
  readonly #fetch: unknown = globalThis.fetch;
  #abort: ((reason: Error) => void) | undefined;
  #cancelled: Error | undefined;

  constructor(private readonly current: Dispatcher) {}

  /** Whether the global fetch has shown that it sends through the dispatcher it is given; else, also use a signal. */
  get trusted(): boolean {
    return this.#fetch === honouring;
  }

  dispatch(options: object, handler: object): boolean {
    honouring = this.#fetch;
    const h = handler as Handler;
    const { onRequestStart, onConnect } = h;
    if (typeof onRequestStart === 'function') {
      h.onRequestStart = (controller, ...rest) => (this.#hold((reason) => controller.abort(reason)) ? onRequestStart.call(h, controller, ...rest) : undefined);
    } else if (typeof onConnect === 'function') {
      h.onConnect = (abort, ...rest) => (this.#hold(abort) ? onConnect.call(h, abort, ...rest) : undefined);
    }
    return this.current.dispatch(options, handler);
  }

  get isMockActive(): boolean | undefined {
    return this.current.isMockActive;
  }

  /** Aborts the request: before it is written if it is still queued or connecting, else by closing its socket. */
  cancel(reason: Error): void {
    this.#cancelled = reason;
    this.#abort?.(reason);
  }

  /** Keeps undici's abort; a request whose deadline passed while it waited for a socket is never written. */
  #hold(abort: (reason: Error) => void): boolean {
    this.#abort = abort;
    if (this.#cancelled) abort(this.#cancelled);
    return this.#cancelled === undefined;
  }
}

/** An attempt's dispatcher, or undefined where there is no undici (browsers, Deno, Bun) or Node has not loaded it. */
export function attemptDispatcher(): AttemptDispatcher | undefined {
  const current = (globalThis as { [GLOBAL_DISPATCHER]?: Dispatcher })[GLOBAL_DISPATCHER];
  return typeof current?.dispatch === 'function' ? new AttemptDispatcher(current) : undefined;
}
