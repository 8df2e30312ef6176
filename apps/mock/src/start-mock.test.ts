// startMock's lifecycle against a real Prism: free port, readiness, failures, and nothing left behind.
import { execFile } from 'node:child_process';
import { createServer } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { promisify } from 'node:util';
import { createSpecValidator, getOperation, listOperations, loadSpec, namedExamples } from '@vps-org/openapi';
import { afterEach, describe, expect, it } from 'vitest';
import { findFreePort } from './free-port.js';
import { MockStartError, startMock } from './index.js';
import { launch } from './start-mock.js';
import { call, isAlive, isListening, prismChildren } from './test-support.js';

/** Holds a port so that Prism cannot bind it. */
async function occupyPort(host = '127.0.0.1'): Promise<{ port: number; close(): Promise<void> }> {
  const server = createServer();
  await new Promise((done) => server.listen(0, host, () => done(undefined)));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { port, close: () => new Promise((done) => server.close(() => done())) };
}

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  // Whatever a test did, no Prism of this process may outlive it.
  expect(prismChildren()).toEqual([]);
});

describe('startMock', () => {
  it('listens on a free port, and stop() is idempotent and leaves no Prism process', async () => {
    const mock = await startMock();
    cleanups.push(() => mock.stop());
    expect(mock.url).toBe(`http://127.0.0.1:${mock.port}`);
    expect(mock.port).toBeGreaterThan(0);
    expect(isAlive(mock.pid)).toBe(true);
    expect(prismChildren().map((p) => p.pid)).toEqual([mock.pid]);
    expect((await call(mock.url, '/api/v1/dns-zones/')).status).toBe(200);

    const first = mock.stop();
    expect(mock.stop()).toBe(first);
    await Promise.all([first, mock.stop()]);
    await mock.stop();

    expect(isAlive(mock.pid)).toBe(false);
    expect(await isListening('127.0.0.1', mock.port)).toBe(false);
    await expect(mock.exited).resolves.toMatchObject({ signal: 'SIGTERM' });
  });

  it('kills Prism when the process that started it exits without stop()', async () => {
    const script = `import { startMock } from './dist/index.js'; console.log((await startMock()).pid); process.exit(0);`;
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], {
      cwd: new URL('..', import.meta.url),
    });
    const pid = Number(stdout.trim());
    expect(pid).toBeGreaterThan(0);
    // SIGKILL is sent as that process exits; the orphan is reaped by init a moment later (the test's timeout is
    // the deadline).
    while (isAlive(pid)) await delay(50);
  });

  it('serves generated bodies that fit the schema when dynamic', async () => {
    const mock = await startMock({ dynamic: true });
    cleanups.push(() => mock.stop());
    const res = await call(mock.url, '/api/v1/servers/12345/');
    expect(res.status).toBe(200);
    const validate = createSpecValidator().response('getServer', 200);
    expect(validate?.(res.json), JSON.stringify(validate?.errors)).toBe(true);
    const spec = loadSpec();
    const example = namedExamples(spec, getOperation('getServer', listOperations(spec)), 200).ServerDetail;
    expect(res.json).not.toEqual(example);
  });

  it('rejects with a clear error when the port it was given is in use', async () => {
    const busy = await occupyPort();
    cleanups.push(busy.close);
    const error = await startMock({ port: busy.port }).catch((e) => e);
    expect(error).toBeInstanceOf(MockStartError);
    expect(error.code).toBe('EADDRINUSE');
    expect(error.message).toContain(`port ${busy.port} is already in use`);
    expect(error.message).toContain('EADDRINUSE');
  });

  it('picks another port for Prism when the one it picked is taken before Prism binds it', async () => {
    const busy = await occupyPort();
    cleanups.push(busy.close);
    const picked: number[] = [];
    const mock = await launch({}, async (host) => {
      const port = picked.length === 0 ? busy.port : await findFreePort(host);
      picked.push(port);
      return port;
    });
    cleanups.push(() => mock.stop());
    expect(picked).toHaveLength(2);
    expect(mock.prismUrl).toBe(`http://127.0.0.1:${picked[1]}`);
    expect((await call(mock.url, '/api/v1/dns-zones/')).status).toBe(200);
  });

  it('rejects with Prism’s own error when the spec path is wrong', async () => {
    const error = await startMock({ spec: 'no-such-dir/openapi.yaml' }).catch((e) => e);
    expect(error).toBeInstanceOf(MockStartError);
    expect(error.code).toBe('EXITED');
    expect(error.message).toMatch(/exited with code 1 before it was ready/);
    expect(error.message).toContain('no-such-dir/openapi.yaml');
    expect(error.output.join('\n')).toMatch(/ENOENT|no such file/);
    // The end of Prism's output, not its usage text.
    expect(error.message).not.toContain('Positionals:');
  });

  it('gives up after readyTimeout and kills Prism', async () => {
    const error = await startMock({ readyTimeout: 1 }).catch((e) => e);
    expect(error).toBeInstanceOf(MockStartError);
    expect(error.code).toBe('TIMEOUT');
    expect(error.message).toMatch(/not ready \(no "Prism is listening"\) within 1 ms/);
  });

  it('stops a start in progress when its signal aborts', async () => {
    const abort = new AbortController();
    const starting = startMock({ signal: abort.signal });
    setTimeout(() => abort.abort(), 50);
    await expect(starting).rejects.toMatchObject({ code: 'ABORTED' });
  });
});
