import { VpsTimeoutError } from '../errors/connection-errors.js';
import type { RequestOptions } from '../client/options.js';
import type { ServerDetail, ServerStatus } from '../generated/models.js';
import { sleep } from '../util/sleep.js';

export interface WaitForOptions {
  /** How long to wait in all, in ms. Default 600000 (10 minutes; provisioning takes 2 to 5). */
  timeoutMs?: number;
  /** How long to wait between polls, in ms. Default 5000. */
  intervalMs?: number;
  /** Aborts the wait; it then rejects with the signal's reason. */
  signal?: AbortSignal;
}

export const WAIT_DEFAULTS = { timeoutMs: 600_000, intervalMs: 5_000 } as const;

/** A status the server does not leave by itself: waiting for another one is pointless. */
const TERMINAL: ReadonlySet<ServerStatus> = new Set(['suspended']);

/**
 * Polls `getServer` until the server has `status` and returns it. Fails fast when the server is gone (the
 * NotFoundError of the poll) or suspended (unless that is the target), and otherwise rejects with a
 * VpsTimeoutError naming the last status seen once `timeoutMs` has passed.
 */
export async function waitForServer(
  getServer: (id: number, options: RequestOptions) => Promise<ServerDetail>,
  id: number,
  status: ServerStatus,
  { timeoutMs = WAIT_DEFAULTS.timeoutMs, intervalMs = WAIT_DEFAULTS.intervalMs, signal }: WaitForOptions = {},
): Promise<ServerDetail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const server = await getServer(id, signal ? { signal } : {});
    if (server.status === status) return server;
    if (TERMINAL.has(server.status)) {
      throw new Error(`Server ${id} is ${server.status}, so it will not become ${status} by itself`);
    }
    const left = deadline - Date.now();
    if (left <= 0) {
      throw new VpsTimeoutError({
        message: `Server ${id} did not become ${status} within ${timeoutMs} ms; its last status was ${server.status}`,
        timeoutMs,
        lastStatus: server.status,
      });
    }
    await sleep(Math.min(intervalMs, left), signal);
  }
}
