import { describe, expect, it } from 'vitest';
import { VpsConnectionError, VpsTimeoutError } from './errors/transport-errors.js';
import { example, serverWithStatus } from '../testing/fixtures.js';
import { refusedUrl, sendJson, startLoopback, testClient } from '../testing/loopback.js';
import type { VpsClient } from '../vps-client.js';

/** Never answers: the request hangs until the client gives up. */
const stall = () => undefined;

describe('timeouts', () => {
  it('throws VpsTimeoutError when an attempt takes longer than timeoutMs', async () => {
    const api = await startLoopback(stall);
    const error = await testClient(api.url, { timeoutMs: 50, maxRetries: 0 }).servers.get(7).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VpsTimeoutError);
    expect(error).toMatchObject({ timeoutMs: 50, method: 'GET', path: '/api/v1/servers/7/' });
    expect((error as Error).message).toBe('GET /api/v1/servers/7/ timed out after 50 ms');
  });

  it('times out a server that stalls half-way through the body', async () => {
    const api = await startLoopback((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '1000' });
      res.write('{"id": 1, ');
    });
    const error = await testClient(api.url, { timeoutMs: 80, maxRetries: 0 }).servers.get(1).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VpsTimeoutError);
  });

  it('gives each attempt its own timeout, and retries a GET that timed out', async () => {
    const api = await startLoopback((_req, res, index) => (index === 0 ? undefined : sendJson(res, 200, serverWithStatus('active'))));
    const server = await testClient(api.url, { timeoutMs: 500 }).servers.get(1);
    expect(server.status).toBe('active');
    expect(api.requests).toHaveLength(2);
  });

  it.each([
    ['a POST', 1, (vps: VpsClient) => vps.servers.create(example('ServerCreateRequest'))],
    ['a GET', 3, (vps: VpsClient) => vps.servers.get(1)],
  ])('sends %s that timed out %i time(s) in all', async (_what, attempts, call) => {
    // Attempts are counted where the client makes them, in its fetch: whether the loopback server saw a request
    // before the timeout fired depends on the machine's load, what the client did does not.
    const api = await startLoopback(stall);
    let calls = 0;
    const counting = (request: Request, init: RequestInit) => {
      calls += 1;
      return fetch(request, init);
    };
    const error = await call(testClient(api.url, { timeoutMs: 50, fetch: counting })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VpsTimeoutError);
    expect(calls).toBe(attempts);
  });

  it('takes a per-call timeoutMs over the client one', async () => {
    const api = await startLoopback(stall);
    const vps = testClient(api.url, { timeoutMs: 60_000, maxRetries: 0 });
    const error = await vps.dnsZones.list({}, { timeoutMs: 30 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'VpsTimeoutError', timeoutMs: 30 });
  });
});

describe("the caller's signal", () => {
  it.each([
    ['GET', (vps: VpsClient, signal: AbortSignal) => vps.servers.get(1, { signal })],
    ['POST', (vps: VpsClient, signal: AbortSignal) => vps.servers.reboot(1, { signal })],
  ])('rejects a %s with AbortError, not a timeout nor a connection error, and does not retry', async (_method, call) => {
    const controller = new AbortController();
    // Aborts once the server has the request, and never answers it.
    const api = await startLoopback(() => controller.abort());
    const error = await call(testClient(api.url, { timeoutMs: 5_000 }), controller.signal).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DOMException);
    expect(error).toMatchObject({ name: 'AbortError' });
    expect(error).not.toBeInstanceOf(VpsConnectionError);
    expect(error).not.toBeInstanceOf(VpsTimeoutError);
    expect(api.requests).toHaveLength(1);
  });

  it('ends the request itself, not only the promise: the server sees the connection of an answer half sent close', async () => {
    const controller = new AbortController();
    let closed: Promise<void> | undefined;
    const api = await startLoopback((_req, res, index) => {
      if (index < 2) return sendJson(res, 200, serverWithStatus('active'));
      closed = new Promise((resolve) => res.on('close', resolve));
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '1000' });
      res.write('{"id": 1, ');
      controller.abort();
    });
    const vps = testClient(api.url, { timeoutMs: 600_000 });
    // Node loads its fetch on the first call, and the second shows that fetch takes the client's dispatcher: the path
    // every later call takes.
    for (let i = 0; i < 2; i++) await vps.servers.get(1);
    const error = await vps.servers.get(1, { signal: controller.signal }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'AbortError' });
    await closed; // a request left open would hold this until the test's own limit
    expect(api.requests).toHaveLength(3);
  });

  it('also ends a backoff wait between retries', async () => {
    const controller = new AbortController();
    const api = await startLoopback((_req, res) => {
      sendJson(res, 503, { detail: 'Busy.' });
      setTimeout(() => controller.abort(), 50); // during the 10 s backoff that follows
    });
    const vps = testClient(api.url, { retryDelayMs: 10_000, maxRetryDelayMs: 10_000 });
    // The test's own 5 s limit is shorter than the backoff: only the abort can end the call in time.
    const error = await vps.servers.list({}, { signal: controller.signal }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'AbortError' });
    expect(api.requests).toHaveLength(1);
  });

  it('rejects at once, sending nothing, when it is already aborted', async () => {
    const api = await startLoopback(stall);
    const error = await testClient(api.url)
      .servers.list({}, { signal: AbortSignal.abort() })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'AbortError' });
    expect(api.requests).toHaveLength(0);
  });
});

describe('connection errors', () => {
  it('throws VpsConnectionError, with the cause, when the connection is refused', async () => {
    const url = await refusedUrl();
    const error = await testClient(url).servers.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VpsConnectionError);
    expect(error).not.toBeInstanceOf(VpsTimeoutError);
    expect(error).toMatchObject({ method: 'GET', path: '/api/v1/servers/' });
    expect((error as Error).message).toMatch(/^Could not reach the VPS.org API \(GET \/api\/v1\/servers\/\): .*ECONNREFUSED/);
    expect(((error as Error).cause as Error & { cause?: { code?: string } }).cause?.code).toBe('ECONNREFUSED');
  });
});
