// The thin node:http side of a `(Request) => Promise<Response>` handler.
import { createServer, type Server } from 'node:http';
import { KEEP_ALIVE } from '../front/front-server.js';

// The front already refuses bodies over its limit; this bound only protects the fake when it is served alone.
const MAX_BODY_BYTES = 1024 * 1024;

/**
 * A node:http server that answers every request with `handler`. The public origin comes from `X-Forwarded-Host`
 * and `X-Forwarded-Proto` when a proxy sets them, so that links in answers (a page's `next`) point where the
 * client called, not at this server. It is not listening yet.
 */
export function serveHandler(handler: (request: Request) => Promise<Response>): Server {
  return createServer({ keepAlive: true, ...KEEP_ALIVE }, async (req, res) => {
    try {
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of req) {
        size += chunk.length;
        if (size > MAX_BODY_BYTES) {
          res.writeHead(413, { 'content-type': 'application/json', connection: 'close' });
          res.end(JSON.stringify({ detail: 'Request body too large.', error_code: 'request_too_large', field: null }));
          return;
        }
        chunks.push(chunk);
      }
      const host = String(req.headers['x-forwarded-host'] ?? req.headers.host ?? 'localhost');
      const proto = String(req.headers['x-forwarded-proto'] ?? 'http');
      const headers: [string, string][] = [];
      for (let i = 0; i < req.rawHeaders.length; i += 2) headers.push([String(req.rawHeaders[i]), String(req.rawHeaders[i + 1])]);
      const hasBody = req.method !== 'GET' && req.method !== 'HEAD' && chunks.length > 0;
      const request = new Request(`${proto}://${host}${req.url ?? '/'}`, {
        method: req.method,
        headers,
        body: hasBody ? Buffer.concat(chunks) : undefined,
      });
      const response = await handler(request);
      const body = Buffer.from(await response.arrayBuffer());
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(body);
    } catch (error) {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ detail: `The fake failed: ${(error as Error).message}`, error_code: 'server_error', field: null }));
    }
  });
}
