import { checkNumber, MAX_TIMER_MS } from '../core/options.js';
import { VpsApiError } from '../core/errors/api-errors.js';
import { VpsConnectionError, VpsTimeoutError } from '../core/errors/transport-errors.js';
import { brand, VpsError } from '../core/errors/vps-error.js';
import { sleep } from '../core/sleep.js';
import type { ServerDetail, ServerStatus } from '../generated/models.js';
import type { ServersResource } from '../resources/servers.generated.js';
import type { PlainMethods } from '../core/api-promise.js';

export interface WaitForOptions {
  /** How long to wait in all, polls included, in ms; `Infinity` waits until the status or an error. Default 600000. */
  timeoutMs?: number | undefined;
  /** How long to wait between polls, in ms (at least 1). Default 5000. */
  intervalMs?: number | undefined;
  /** Aborts the wait; it then rejects with the signal's reason. */
  signal?: AbortSignal | undefined;
}

export const WAIT_DEFAULTS = { timeoutMs: 600_000, intervalMs: 5_000 } as const;

/**
 * A waiter gave up: the resource did not reach `awaitedStatus` within `timeoutMs` (`reason: 'timeout'`; `cause` is
 * the last poll's error, if the last poll failed), or it reached a status it does not leave by itself
 * (`reason: 'terminal'`, e.g. suspended).
 */
export class VpsWaiterError extends VpsError {
  static {
    brand(this, 'VpsWaiterError');
  }
  readonly reason: 'timeout' | 'terminal';
  readonly awaitedStatus: string;
  /** The last status a poll saw; undefined when no poll succeeded. */
  readonly lastStatus: string | undefined;
  /** How long the wait lasted, in ms. */
  readonly elapsedMs: number;
  readonly timeoutMs: number;

  constructor(init: { message: string; reason: 'timeout' | 'terminal'; awaitedStatus: string; lastStatus: string | undefined; elapsedMs: number; timeoutMs: number; cause?: unknown }) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.reason = init.reason;
    this.awaitedStatus = init.awaitedStatus;
    this.lastStatus = init.lastStatus;
    this.elapsedMs = init.elapsedMs;
    this.timeoutMs = init.timeoutMs;
  }
}

/** A status the server does not leave by itself: waiting for another one is pointless. */
const TERMINAL: ReadonlySet<string> = new Set(['suspended']);

/** A poll failure that may pass: a 5xx, 408 or 429 after the poll's retries, a timeout, a connection error. */
function isTransient(error: unknown): boolean {
  if (error instanceof VpsApiError) return error.status >= 500 || error.status === 408 || error.status === 429;
  return error instanceof VpsTimeoutError || error instanceof VpsConnectionError;
}

/**
 * Polls `vps.servers.get(id)` until the server has `status` and returns it:
 * `const server = await waitForServer(vps, created.id, 'active')`. A function rather than a method, so that a
 * program that does not wait bundles none of this. Every poll is bounded by the time left (its
 * attempts and retries are aborted at the deadline). A 5xx, a timeout or a connection error that outlasted the
 * poll's own retries does not end the wait: the next poll may succeed. Any other error does (404: the server is gone).
 */
export async function waitForServer(
  vps: { readonly servers: PlainMethods<ServersResource, 'get'> },
  id: number,
  status: ServerStatus,
  options: WaitForOptions = {},
): Promise<ServerDetail> {
  checkNumber('timeoutMs', options.timeoutMs, 1, Infinity);
  checkNumber('intervalMs', options.intervalMs, 1);
  const { timeoutMs = WAIT_DEFAULTS.timeoutMs, intervalMs = WAIT_DEFAULTS.intervalMs, signal } = options;
  const started = Date.now();
  // One signal for the whole wait: the caller's abort, or the deadline, ends the poll in flight or the pause.
  const deadline = new AbortController();
  const onAbort = () => deadline.abort(signal?.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  const timer = timeoutMs <= MAX_TIMER_MS ? setTimeout(() => deadline.abort(), timeoutMs) : undefined;
  let lastStatus: string | undefined;
  let lastError: unknown;
  const giveUp = (reason: 'timeout' | 'terminal', message: string) =>
    new VpsWaiterError({ message, reason, awaitedStatus: status, lastStatus, elapsedMs: Date.now() - started, timeoutMs, cause: lastError });
  try {
    for (;;) {
      try {
        const server = await vps.servers.get(id, { signal: deadline.signal });
        lastError = undefined;
        lastStatus = server.status;
        if (server.status === status) return server;
        if (TERMINAL.has(server.status)) {
          throw giveUp('terminal', `Server ${id} is ${server.status}, so it will not become ${status} by itself`);
        }
        await sleep(intervalMs, deadline.signal);
      } catch (error) {
        signal?.throwIfAborted();
        if (deadline.signal.aborted) {
          const last = lastStatus === undefined ? 'no poll succeeded' : `its last status was ${lastStatus}`;
          throw giveUp('timeout', `Server ${id} did not become ${status} within ${timeoutMs} ms; ${last}`);
        }
        if (!isTransient(error)) throw error;
        lastError = error;
        await sleep(intervalMs, deadline.signal).catch(() => undefined);
      }
    }
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}
