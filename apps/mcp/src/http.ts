// Streamable HTTP at http://127.0.0.1:PORT/mcp: one MCP session per `Mcp-Session-Id`, loopback only, with the SDK's
// DNS rebinding protection (a page in a browser cannot reach it through a name of its own).
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import type { App } from './app.js';

export const MCP_PATH = '/mcp';
const HOST = '127.0.0.1';

export interface HttpServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

function refuse(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ jsonrpc: '2.0', error: { code: -32000, message }, id: null }));
}

export async function serveHttp(app: App, port: number): Promise<HttpServer> {
  const sessions = new Map<string, StreamableHTTPServerTransport>();
  // Known once the port is bound, before the first request can arrive.
  let hosts: string[] = [];

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (new URL(req.url ?? '/', `http://${HOST}`).pathname !== MCP_PATH) return refuse(res, 404, `Not found: the MCP endpoint is ${MCP_PATH}`);
    const id = req.headers['mcp-session-id'];
    let transport = typeof id === 'string' ? sessions.get(id) : undefined;
    if (!transport) {
      if (id !== undefined) return refuse(res, 404, 'Session not found: initialize a new one');
      if (req.method !== 'POST') return refuse(res, 400, 'No session: start one with an initialize request');
      const created = new StreamableHTTPServerTransport({
        sessionIdGenerator: randomUUID,
        onsessioninitialized: (sessionId) => void sessions.set(sessionId, created),
        enableDnsRebindingProtection: true,
        allowedHosts: hosts,
      });
      created.onclose = () => {
        if (created.sessionId) sessions.delete(created.sessionId);
      };
      await app.newSession().connect(created);
      transport = created;
    }
    await transport.handleRequest(req, res);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) refuse(res, 500, `Internal error: ${(error as Error).name}`);
      else res.end();
    });
  });
  // An idle keep-alive connection is left for the client to close (undici's own idle limit is 4 s): a server that
  // closed it at Node's default 5 s would race a client reusing it, which then sees "other side closed".
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 70_000;
  server.listen(port, HOST);
  await once(server, 'listening');
  const bound = (server.address() as AddressInfo).port;
  hosts = [`${HOST}:${bound}`, `localhost:${bound}`];
  return {
    url: `http://${HOST}:${bound}${MCP_PATH}`,
    port: bound,
    async close() {
      await Promise.all([...sessions.values()].map((t) => t.close()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
