// An assistant that cancels a call (notifications/cancelled) ends the request the server made for it: the API sees
// its connection close, and the server goes on answering. Over both transports, against an API on loopback that
// holds the request open until the test lets it answer.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getOperation, loadSpec, namedExamples } from '@vps-org/openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type TransportKind } from '../support/connect.js';

const TOKEN = `vps_mcp_cancel_${process.pid}`;
const SERVER = JSON.stringify(Object.values(namedExamples(loadSpec(), getOperation('getServer'), '200'))[0]);

/** Requests the API holds, each with a promise of its connection closing. */
const held: Array<{ req: IncomingMessage; res: ServerResponse; closed: Promise<void> }> = [];
let arrived: (() => void) | undefined;
const api = createServer((req, res) => {
  if (req.url?.endsWith('/servers/1/')) {
    held.push({ req, res, closed: new Promise((resolve) => res.on('close', () => resolve())) });
    arrived?.();
    return;
  }
  res.writeHead(200, { 'content-type': 'application/json' }).end(SERVER);
});
let baseUrl: string;

beforeAll(async () => {
  await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
});

afterAll(async () => {
  api.closeAllConnections();
  await new Promise((resolve) => api.close(resolve));
});

describe.each<TransportKind>(['stdio', 'http'])('a call the assistant cancels, over %s', (kind) => {
  it("closes the server's request to the API, and the next call is answered", async () => {
    const mcp = await connect(kind, [], { VPS_API_TOKEN: TOKEN, VPS_BASE_URL: baseUrl });
    try {
      // The first calls of a process show the client that Node's fetch takes its dispatcher: later calls, this one's
      // path, end a request through it.
      for (let i = 0; i < 2; i++) expect((await mcp.client.callTool({ name: 'get_server', arguments: { server_id: 12345 } })).isError).toBeFalsy();
      const before = held.length;
      const reached = new Promise<void>((resolve) => (arrived = resolve));
      const controller = new AbortController();
      const call = mcp.client.callTool({ name: 'get_server', arguments: { server_id: 1 } }, undefined, { signal: controller.signal });
      await reached;
      controller.abort(new Error('the person changed their mind'));
      await expect(call).rejects.toThrow('the person changed their mind');
      const request = held[before];
      expect(request).toBeDefined();
      await request?.closed; // held open, the request would keep this waiting until the test's own limit
      expect(request?.res.writableEnded).toBe(false);

      const next = await mcp.client.callTool({ name: 'get_server', arguments: { server_id: 12345 } });
      expect(next.isError).toBeFalsy();
      expect(next.structuredContent).toMatchObject({ id: JSON.parse(SERVER).id });
      expect(mcp.output()).not.toContain(TOKEN);
    } finally {
      await mcp.close();
    }
  });
});
