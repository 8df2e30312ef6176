// `--wait` on the server commands that start a change of state: the status the server settles in.
import type { ServerStatus } from '@vps-org/client';

export const SERVERS_RESOURCE = 'servers';

/** Keyed by the CLI command of the servers resource. */
export const WAIT_TARGETS: Readonly<Record<string, ServerStatus>> = {
  create: 'active',
  start: 'active',
  reboot: 'active',
  stop: 'stopped',
};
