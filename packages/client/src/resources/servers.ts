import type { ServerDetail, ServerStatus } from '../generated/models.js';
import { waitForServer, type WaitForOptions } from '../waiters/wait-for-server.js';
import { ServersResource } from './servers.generated.js';

/** `vps.servers`: the generated operations of the Servers tag, plus a waiter. */
export class Servers extends ServersResource {
  /**
   * Polls the server until it has `status` (e.g. `active` after `create`), and returns it. Rejects with a
   * VpsWaiterError when `timeoutMs` passes (polls included) or the server is suspended (unless that is the target),
   * and with the poll's error when the API says the server is gone (NotFoundError) or refuses the token.
   */
  waitFor(id: number, status: ServerStatus, options?: WaitForOptions): Promise<ServerDetail> {
    return waitForServer((serverId, requestOptions) => this.get(serverId, requestOptions), id, status, options);
  }
}
