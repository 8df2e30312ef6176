// `wait_for_server`: the client's waiter, bounded, with a progress notification after every poll.
import { waitForServer, WAIT_DEFAULTS, type ServerStatus, type VpsClient } from '@vps-org/client';
import { getOperation, type JsonObject, type OperationModel } from '@vps-org/openapi';
import { operationSchemas } from '../schemas/operation-schemas.js';
import { PortableSchema } from '../schemas/portable.js';
import { summarise } from './summary.js';
import type { VpsTool } from './tool.js';

/** The longest wait one call may ask for: a tool call holds the assistant's turn. */
export const MAX_WAIT_SECONDS = 3600;

export function waitForServerTool(spec: JsonObject, operations: OperationModel[]): VpsTool {
  // The server id and the answer are the ones of the operation a poll calls.
  const get = getOperation('getServer', operations);
  const id = get.pathParams[0];
  if (!id) throw new Error('getServer has no path parameter');
  const input = new PortableSchema(spec);
  const title = 'Wait for a server to reach a status';
  return {
    name: 'wait_for_server',
    group: get.cli.group,
    title,
    description:
      `${title}: polls ${get.tool} until the server has the status, and answers the server as that poll read it. ` +
      'Fails when the time is up, or at once when the server is in a status it does not leave by itself (suspended). ' +
      'Sends a progress notification after every poll when the request carries a progress token.',
    inputSchema: input.document({
      type: 'object',
      properties: {
        [id.name]: { ...input.convert(id.schema), description: id.description },
        status: { ...input.convert({ $ref: '#/components/schemas/ServerStatus' }), description: 'The status to wait for, e.g. `active` after create or start.' },
        timeout_seconds: {
          type: 'number',
          exclusiveMinimum: 0,
          maximum: MAX_WAIT_SECONDS,
          default: WAIT_DEFAULTS.timeoutMs / 1000,
          description: 'Give up after this long.',
        },
        interval_seconds: {
          type: 'number',
          exclusiveMinimum: 0,
          maximum: 600,
          default: WAIT_DEFAULTS.intervalMs / 1000,
          description: 'Time between two polls.',
        },
      },
      required: [id.name, 'status'],
      additionalProperties: false,
    }),
    outputSchema: operationSchemas(spec, get).outputSchema,
    annotations: { title, readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
    destructive: false,
    describeCall: (args) => `wait for server ${String(args[id.name])} to be ${String(args.status)}`,
    async run(args, ctx) {
      const vps = ctx.client();
      const serverId = args[id.name] as number;
      const status = args.status as ServerStatus;
      const started = Date.now();
      let polls = 0;
      // The waiter polls through this view of the client, which reports each poll as it lands.
      const reporting = {
        servers: {
          get: async (...getArgs: Parameters<VpsClient['servers']['get']>) => {
            const server = await vps.servers.get(...getArgs);
            polls += 1;
            const seconds = ((Date.now() - started) / 1000).toFixed(1);
            await ctx.progress(polls, `server ${serverId} is ${server.status} after ${seconds}s (waiting for ${status})`);
            return server;
          },
        },
      };
      const server = await waitForServer(reporting, serverId, status, {
        timeoutMs: Number(args.timeout_seconds ?? WAIT_DEFAULTS.timeoutMs / 1000) * 1000,
        intervalMs: Number(args.interval_seconds ?? WAIT_DEFAULTS.intervalMs / 1000) * 1000,
        signal: ctx.signal,
      });
      return { structured: server as unknown as JsonObject, summary: summarise(title, server) };
    },
  };
}
