import { MAX_TIMER_MS } from './options.js';

/**
 * Where undici (Node's fetch) keeps the dispatcher fetch sends through; `setGlobalDispatcher` of Node's bundled
 * undici and of the npm package both write it, so a proxy agent or a MockAgent a program installed is found here.
 */
const GLOBAL_DISPATCHER = Symbol.for('undici.globalDispatcher.1');

/** The part of undici's Dispatcher that Node's fetch calls. */
export interface Dispatcher {
  dispatch(options: Record<string, unknown>, handler: unknown): boolean;
  readonly isMockActive?: boolean | undefined;
}

/**
 * A dispatcher for Node's fetch that sends through the one fetch would use anyway, adding undici's per-request
 * `headersTimeout` and `bodyTimeout`: they close a connection that hangs after the client gave up, which is what a
 * per-request AbortSignal otherwise does, and Node 20's fetch costs about 8% more per call when given a signal
 * (`pnpm bench`). Undefined where fetch is not undici (browsers, Deno, Bun) or before Node has loaded it: the
 * attempt then uses a signal.
 */
export function timedDispatcher(timeoutMs: number): Dispatcher | undefined {
  const current = (globalThis as { [GLOBAL_DISPATCHER]?: Dispatcher })[GLOBAL_DISPATCHER];
  if (typeof current?.dispatch !== 'function') return undefined;
  // 0 turns undici's timeouts off, as Infinity (or a delay no timer can hold) turns the client's off.
  const ms = timeoutMs <= MAX_TIMER_MS ? timeoutMs : 0;
  if (last?.current !== current || last.ms !== ms) last = { current, ms, timed: withTimeouts(current, ms) };
  return last.timed;
}

/** The last one made: calls mostly share one timeout, and a program rarely changes its global dispatcher. */
let last: { current: Dispatcher; ms: number; timed: Dispatcher } | undefined;

function withTimeouts(current: Dispatcher, ms: number): Dispatcher {
  return {
    // fetch builds a fresh options object per dispatch: setting the two fields on it costs less than a copy.
    dispatch: (options, handler) => {
      options.headersTimeout = ms;
      options.bodyTimeout = ms;
      return current.dispatch(options, handler);
    },
    get isMockActive() {
      return current.isMockActive;
    },
  };
}

/** undici's own error codes for the two timeouts above. */
export function isUndiciTimeout(error: unknown): boolean {
  const code = (error as { cause?: { code?: unknown } } | undefined)?.cause?.code;
  return code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT';
}
