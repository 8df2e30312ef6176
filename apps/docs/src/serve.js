// A static file server for dist/ on 127.0.0.1, with no dependency: what `pnpm start` and the browser tests use.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** @type {Record<string, string>} */
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.yaml': 'application/yaml; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/**
 * Serves the files under `root` (default: this package's dist/) until stop() resolves.
 * @param {{ port?: number, host?: string, root?: string }} [options] port 0 or none: a free port.
 * @returns {Promise<{ url: string, host: string, port: number, stop(): Promise<void> }>}
 */
export async function serveDocs({ port = 0, host = '127.0.0.1', root = fileURLToPath(new URL('../dist/', import.meta.url)) } = {}) {
  const base = resolve(root);
  const server = createServer((req, res) => {
    handle(base, req, res).catch((error) => {
      if (!res.headersSent) send(res, 500, `Internal error: ${error.message}`);
      else res.destroy(error);
    });
  });
  await /** @type {Promise<void>} */ (new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      done();
    });
  }));
  const bound = /** @type {import('node:net').AddressInfo} */ (server.address()).port;
  /** @type {Promise<void> | undefined} */
  let stopping;
  const stop = () =>
    (stopping ??= new Promise((done) => {
      server.close(() => done());
      // Keep-alive connections (a browser's) would hold close() open forever.
      server.closeAllConnections();
    }));
  return { url: `http://${host.includes(':') ? `[${host}]` : host}:${bound}/`, host, port: bound, stop };
}

/**
 * @param {string} base
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 */
async function handle(base, req, res) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed', { Allow: 'GET, HEAD' });
  let path;
  try {
    path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
  } catch {
    return send(res, 400, 'Bad request');
  }
  if (path.includes('\0')) return send(res, 400, 'Bad request');
  let file = resolve(join(base, path));
  // Nothing outside root, whatever the path says (../, encoded or not).
  if (file !== base && !file.startsWith(base + sep)) return send(res, 404, 'Not found');
  let info = await stat(file).catch(() => null);
  if (info?.isDirectory()) {
    // /ko -> /ko/, so that the page's relative links (../index.html) resolve from its own folder.
    if (!path.endsWith('/')) return send(res, 301, 'Moved', { Location: `${encodeURI(path)}/` });
    file = join(file, 'index.html');
    info = await stat(file).catch(() => null);
  }
  if (!info?.isFile()) return send(res, 404, 'Not found');
  res.writeHead(200, {
    'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
    'Content-Length': info.size,
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
  });
  if (req.method === 'HEAD') return res.end();
  createReadStream(file).on('error', (error) => res.destroy(error)).pipe(res);
}

/**
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {string} text
 * @param {Record<string, string>} [headers]
 */
function send(res, status, text, headers = {}) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff', ...headers });
  res.end(`${text}\n`);
}
