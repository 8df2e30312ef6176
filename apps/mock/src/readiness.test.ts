// Until Prism is ready, and while it is restarted after a crash, the mock answers the documented 503 with
// Retry-After itself, and never forwards a request anywhere else. A real Prism, killed for real.
import { createServer } from 'node:net';
import { createSpecValidator } from '@vps-org/openapi';
import { afterEach, describe, expect, it } from 'vitest';
import { findFreePort } from './free-port.js';
import { launch } from './start-mock.js';
import { createFake } from './stateful/fake.js';
import { bundledRoutes } from './routes.js';
import { call } from './test-support.js';
import type { RestartReport } from './index.js';

const routes = bundledRoutes();
const errorBody = createSpecValidator(routes.spec).schema('ApiErrorBody');
const unavailable = routes.errorBody(routes.get('listServers'), 503, { detail: '' });

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A promise and the function that settles it. */
function deferred<T = void>() {
  let settle: (value: T) => void = () => {};
  const promise = new Promise<T>((done) => (settle = done));
  return { promise, settle };
}

describe('before Prism is ready', () => {
  it('answers 503 with Retry-After, health included, and sends nothing to port 80 or anywhere else', async () => {
    // A server that records every connection: were the front to forward to a port that is not Prism's, it would
    // be this one (Prism's port is picked only once the test lets it).
    const trap = createServer((socket) => socket.destroy());
    let connections = 0;
    trap.on('connection', () => connections++);
    await new Promise((done) => trap.listen(0, '127.0.0.1', () => done(undefined)));
    cleanups.push(() => new Promise((done) => trap.close(done)));

    const gate = deferred();
    const port = await findFreePort('127.0.0.1');
    const starting = launch({ port, stateful: true, transitionMs: 0 }, async (host) => {
      await gate.promise;
      return findFreePort(host);
    });
    cleanups.push(() => starting.then((m) => m.stop()).catch(() => {}));
    const url = `http://127.0.0.1:${port}`;

    const health = await call(url, '/_mock/health', { auth: false });
    expect(health.status).toBe(503);
    expect(health.headers.get('retry-after')).toBe('1');
    const api = await call(url, '/api/v1/servers/');
    expect(api).toMatchObject({ status: 503, json: unavailable });
    expect(api.headers.get('retry-after')).toBe('1');
    expect(errorBody(api.json)).toBe(true);
    expect(routes.get('listServers').statuses).toContain('503');
    expect(connections).toBe(0);

    gate.settle(undefined);
    const mock = await starting;
    expect((await call(url, '/_mock/health', { auth: false })).status).toBe(200);
    expect((await call(mock.url, '/api/v1/servers/')).status).toBe(200);
  });
});

describe('a Prism that dies', () => {
  it('is restarted: requests in flight get the documented 503, the fake keeps its state, one report', async () => {
    const fake = createFake({ transitionMs: 0 });
    const arrived = deferred();
    // A request that Prism has forwarded and is waiting on when it dies.
    const handler = async (request: Request) => {
      if (new URL(request.url).searchParams.get('domain') === 'hang.example') {
        arrived.settle(undefined);
        return new Promise<Response>(() => {});
      }
      return fake.handler(request);
    };
    const reports: RestartReport[] = [];
    const restarted = deferred();
    const mock = await launch(
      { stateful: true, handler, onRestart: (report) => (reports.push(report), restarted.settle(undefined)) },
      findFreePort,
    );
    cleanups.push(() => mock.stop());
    const zone = await call(mock.url, '/api/v1/dns-zones/', { method: 'POST', body: { domain: 'kept.example' } });
    expect(zone.status).toBe(201);

    const inFlight = call(mock.url, '/api/v1/dns-zones/?domain=hang.example');
    await arrived.promise;
    const first = mock.pid;
    process.kill(first, 'SIGKILL');

    const answer = await inFlight;
    expect(answer).toMatchObject({ status: 503, json: routes.errorBody(routes.get('listDnsZones'), 503, { detail: '' }) });
    expect(answer.headers.get('retry-after')).toBe('1');
    await restarted.promise;
    expect(reports).toEqual([expect.objectContaining({ signal: 'SIGKILL', restarts: 1, port: expect.any(Number) })]);
    expect(mock.restarts).toBe(1);
    expect(mock.pid).not.toBe(first);

    const again = await call(mock.url, `/api/v1/dns-zones/${zone.json.uuid}/`);
    expect(again).toMatchObject({ status: 200, json: { domain: 'kept.example' } });
    await mock.stop();
    await expect(mock.exited).resolves.toMatchObject({ signal: 'SIGTERM' });
  });
});
