// serveDocs: static files from a root on 127.0.0.1, nothing outside it, a free port by default, and a stop()
// that really frees the port even with a browser's keep-alive connection open.
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveDocs } from './serve.js';

let root: string;
let server: Awaited<ReturnType<typeof serveDocs>>;

beforeAll(async () => {
  // A parent holding a secret, to prove nothing above the root is served.
  const parent = mkdtempSync(join(tmpdir(), 'docs-serve-'));
  writeFileSync(join(parent, 'secret.txt'), 'not for the web');
  root = join(parent, 'dist');
  mkdirSync(join(root, 'sub'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>t</title>');
  writeFileSync(join(root, 'openapi.json'), '{"openapi":"3.1.0"}');
  writeFileSync(join(root, 'sub', 'index.html'), 'sub');
  server = await serveDocs({ root });
});

afterAll(async () => {
  await server?.stop();
  rmSync(join(root, '..'), { recursive: true, force: true });
});

/** A raw request, so the path reaches the server exactly as written (fetch would normalise ../). */
function raw(path: string, method = 'GET') {
  return new Promise<{ status: number; type: string; body: string; location?: string }>((done, fail) => {
    const req = request(new URL(server.url), { method, path }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (c) => (body += c)).on('end', () =>
        done({ status: res.statusCode!, type: String(res.headers['content-type']), body, location: res.headers.location }));
    });
    req.on('error', fail).end();
  });
}

describe('serveDocs', () => {
  it('listens on 127.0.0.1 on a free port when none is given', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(server.port).toBeGreaterThan(0);
    const other = await serveDocs({ root });
    try {
      expect(other.port).not.toBe(server.port);
    } finally {
      await other.stop();
    }
  });

  it('serves index.html at / and files with their content type', async () => {
    expect(await raw('/')).toMatchObject({ status: 200, type: 'text/html; charset=utf-8', body: '<!doctype html><title>t</title>' });
    expect(await raw('/openapi.json')).toMatchObject({ status: 200, type: 'application/json; charset=utf-8' });
    expect(await raw('/sub/')).toMatchObject({ status: 200, body: 'sub' });
    expect(await raw('/?q=1#x')).toMatchObject({ status: 200 });
  });

  it('redirects a folder without its trailing slash, so relative links resolve from inside it', async () => {
    expect(await raw('/sub')).toMatchObject({ status: 301, location: '/sub/' });
    expect(await raw('/sub?x=1')).toMatchObject({ status: 301, location: '/sub/' });
  });

  it('answers HEAD without a body, 404 for a missing file and 405 for other methods', async () => {
    expect(await raw('/', 'HEAD')).toMatchObject({ status: 200, body: '' });
    expect((await raw('/nope.html')).status).toBe(404);
    expect((await raw('/', 'POST')).status).toBe(405);
  });

  it.each(['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/sub/../../secret.txt', '/%00'])(
    'serves nothing outside its root: %s',
    async (path) => {
      const res = await raw(path);
      expect([400, 404]).toContain(res.status);
      expect(res.body).not.toContain('not for the web');
    },
  );

  it('serves the built page by default', async () => {
    const docs = await serveDocs();
    try {
      const res = await fetch(docs.url);
      expect(res.status).toBe(200);
      expect(await res.text()).toBe(readFileSync(new URL('../dist/index.html', import.meta.url), 'utf8'));
    } finally {
      await docs.stop();
    }
  });

  it('serves every language of the built site: /, /ko/ and /fr/', async () => {
    const docs = await serveDocs();
    try {
      for (const [path, lang] of [['', 'en'], ['ko/', 'ko'], ['fr/', 'fr']]) {
        const res = await fetch(`${docs.url}${path}`);
        expect(res.status, path).toBe(200);
        expect(await res.text(), path).toContain(`<html lang="${lang}">`);
      }
    } finally {
      await docs.stop();
    }
  });

  it('stop() frees the port even with a keep-alive connection open, and can be called twice', async () => {
    const docs = await serveDocs({ root });
    const agentRes = await fetch(docs.url, { keepalive: true });
    await agentRes.text();
    await Promise.all([docs.stop(), docs.stop()]);
    await expect(fetch(docs.url)).rejects.toThrow();
    const again = await serveDocs({ root, port: docs.port });
    await again.stop();
  });
});

describe('the serve script', () => {
  const script = fileURLToPath(new URL('../scripts/serve.mjs', import.meta.url));
  const run = (args: string[], env: Record<string, string> = {}) =>
    new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [script, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
      child.on('exit', (code) => resolve({ code, stderr }));
    });

  it.each([
    [[], { DOCS_PORT: 'abc' }, 'docs serve: DOCS_PORT must be a port number from 0 to 65535, got "abc"'],
    [['--port', '70000'], {}, 'docs serve: --port must be a port number from 0 to 65535, got "70000"'],
  ])('refuses %j %j with one line and exit 1', async (args, env, line) => {
    expect(await run(args, env)).toEqual({ code: 1, stderr: `${line}\n` });
  });

  it('names the way out when the port is in use', async () => {
    const busy = await serveDocs({ port: 0 });
    try {
      const { code, stderr } = await run(['--port', String(busy.port)]);
      expect({ code, stderr }).toEqual({ code: 1, stderr: `docs serve: port ${busy.port} is in use; pass --port or set DOCS_PORT to another (0 for a free one)\n` });
    } finally {
      await busy.stop();
    }
  });
});
