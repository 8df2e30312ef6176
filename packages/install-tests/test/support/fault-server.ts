// A server on 127.0.0.1 that answers each path with one fault, for the client's fault paths on every runtime: the
// programs in client-programs.ts call it and print what they caught.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FaultServer {
  url: string;
  /** A URL on which nothing listens. */
  refusedUrl: string;
  /** How many requests each path got. */
  hits: Map<string, number>;
  close(): Promise<void>;
}

const html = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

export async function startFaultServer(): Promise<FaultServer> {
  const hits = new Map<string, number>();
  const server = createServer((req, res) => {
    const key = `${req.method} ${req.url}`;
    hits.set(key, (hits.get(key) ?? 0) + 1);
    const auth = req.headers.authorization ?? '';
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    switch (req.url) {
      case '/api/v1/servers/404/':
        return json(404, { detail: 'Server not found.', error_code: 'not_found', field: null }, { 'X-Request-Id': 'req-404' });
      case '/api/v1/servers/503/':
      case '/api/v1/servers/7/start/':
        return json(503, { detail: 'Try again.' });
      case '/api/v1/servers/408/':
        return undefined; // never answers: the client's timeout ends it
      case '/api/v1/servers/302/':
        res.writeHead(302, { Location: 'https://elsewhere.example/' });
        return res.end();
      case '/api/v1/servers/200/':
        res.writeHead(200, { 'Content-Type': 'text/html' });
        return res.end('<html>maintenance</html>');
      case '/api/v1/servers/401/':
        // The token echoed back raw, JSON-escaped, HTML-escaped and URL-encoded.
        return json(
          401,
          { detail: `Bad token ${auth}`, html: html(auth), url: encodeURIComponent(auth) },
          { 'X-Request-Id': encodeURIComponent(auth) },
        );
      case '/api/v1/servers/1/':
        return json(200, { id: 1, name: 'web-1', status: 'active', userAgent: req.headers['user-agent'] });
      default:
        return void res.socket?.destroy();
    }
  });
  const port = await listen(server);
  const closed = createServer();
  const refusedPort = await listen(closed);
  await new Promise<void>((resolve) => closed.close(() => resolve()));
  return {
    url: `http://127.0.0.1:${port}`,
    refusedUrl: `http://127.0.0.1:${refusedPort}`,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
