import type { ServerDetail, ServerStatus } from '../generated/models.js';
import { ServersResource } from '../generated/resources.js';
import { waitForServer, type WaitForOptions } from '../waiters/wait-for-server.js';

/** `vps.servers`: the generated operations of the Servers tag, plus a waiter. */
export class Servers extends ServersResource {
  /**
   * Polls the server until it has `status` (e.g. `active` after `create`), and returns it.
   * Rejects with NotFoundError when the server is gone, with an Error when it is suspended (unless that is the
   * target), and with a VpsTimeoutError naming the last status seen after `timeoutMs`.
   */
  waitFor(id: number, status: ServerStatus, options?: WaitForOptions): Promise<ServerDetail> {
    return waitForServer((serverId, requestOptions) => this.get(serverId, requestOptions), id, status, options);
  }
}

/** Hand-written subclasses that replace a generated resource class on the client. */
export const resourceExtensions = { servers: Servers } as const;
