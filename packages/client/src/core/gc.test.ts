// Runs with --expose-gc (see vitest.config.ts): a collection in the middle of a request must not cut the link
// between the client's timeout (or the caller's signal) and the fetch in flight.
import { describe, expect, it, onTestFinished } from 'vitest';
import { VpsTimeoutError } from './errors/transport-errors.js';
import { VpsWaiterError, waitForServer } from '../waiters/wait-for-server.js';
import { sendJson, startLoopback, testClient } from '../testing/loopback.js';

const collect = (globalThis as { gc?: () => void }).gc;

/** A server that never answers, and a promise of its first request's arrival. */
async function hungServer() {
  let arrived!: () => void;
  const received = new Promise<void>((resolve) => (arrived = resolve));
  const api = await startLoopback(() => arrived());
  return { api, received };
}

/** Collects garbage once the request is in, then again and again until `call` settles. */
async function settleWhileCollecting<T>(call: Promise<T>, received: Promise<void>): Promise<unknown> {
  if (!collect) throw new Error('gc() is not exposed: run this file with node --expose-gc');
  let settled = false;
  const outcome = call.then(
    (value) => value,
    (error: unknown) => error,
  );
  void outcome.then(() => (settled = true));
  await Promise.race([received, outcome]);
  while (!settled) {
    collect();
    await new Promise((resolve) => setImmediate(resolve));
  }
  return outcome;
}

describe('after a garbage collection during the request', () => {
  it('the timeout still ends the attempt', async () => {
    const { api, received } = await hungServer();
    const call = testClient(api.url, { timeoutMs: 300, maxRetries: 0 }).servers.get(1);
    const error = await settleWhileCollecting(call, received);
    expect(error).toBeInstanceOf(VpsTimeoutError);
  });

  it("the timeout still ends an attempt sent without a signal, through the client's dispatcher", async () => {
    const nodeFetch = globalThis.fetch;
    let lastInit: RequestInit | undefined;
    globalThis.fetch = (input, init) => nodeFetch(input, (lastInit = init));
    onTestFinished(() => {
      globalThis.fetch = nodeFetch;
    });
    const quick = await startLoopback((_req, res) => sendJson(res, 200, { id: 1 }));
    await testClient(quick.url).servers.get(1); // the global fetch shows that it dispatches
    const { api, received } = await hungServer();
    const call = testClient(api.url, { timeoutMs: 300, maxRetries: 0 }).servers.get(1);
    const error = await settleWhileCollecting(call, received);
    expect(error).toBeInstanceOf(VpsTimeoutError);
    expect(lastInit).toMatchObject({ signal: undefined, dispatcher: expect.anything() });
  });

  it('the timeout still ends the attempt of a fetch of your own that passes the Request on', async () => {
    const { api, received } = await hungServer();
    const own = (request: Request) => fetch(request);
    const call = testClient(api.url, { timeoutMs: 300, maxRetries: 0, fetch: own }).servers.get(1);
    const error = await settleWhileCollecting(call, received);
    expect(error).toBeInstanceOf(VpsTimeoutError);
  });

  it("the caller's signal still aborts the call", async () => {
    const { api, received } = await hungServer();
    const controller = new AbortController();
    const call = testClient(api.url, { timeoutMs: 60_000 }).servers.reboot(1, { signal: controller.signal });
    void received.then(() => setTimeout(() => controller.abort(), 100));
    const error = await settleWhileCollecting(call, received);
    expect(error).toMatchObject({ name: 'AbortError' });
  });

  it('a waiter still gives up at its deadline', async () => {
    const { api, received } = await hungServer();
    const wait = waitForServer(testClient(api.url), 1, 'active', { timeoutMs: 300, intervalMs: 10 });
    const error = await settleWhileCollecting(wait, received);
    expect(error).toBeInstanceOf(VpsWaiterError);
    expect(error).toMatchObject({ reason: 'timeout', lastStatus: undefined });
  });
});
