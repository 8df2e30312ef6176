// A program (msw, a polyfill) may replace Node's fetch with one that drops the `dispatcher` the client passes: a
// request it sends could not be ended at its deadline without a signal. So a global fetch gets a signal until it has
// shown that it dispatches through the dispatcher it was given.
import { afterEach, expect, it } from 'vitest';
import { eventually, fakeTimeouts } from '../testing/clock.js';
import { sendJson, startLoopback, testClient } from '../testing/loopback.js';
import { VpsTimeoutError } from './errors/transport-errors.js';

const nodeFetch = globalThis.fetch;
await (await nodeFetch('data:,')).text(); // Node's undici, and its global dispatcher, are loaded

afterEach(() => {
  globalThis.fetch = nodeFetch;
});

/** Installs `fetch` as the global one, recording whether each call was given a dispatcher and a signal. */
function recordingFetch(forward: (input: RequestInfo | URL, init: RequestInit) => Promise<Response>) {
  const seen: Array<{ dispatcher: boolean; signal: boolean }> = [];
  globalThis.fetch = (input, init = {}) => {
    seen.push({ dispatcher: 'dispatcher' in init && init.dispatcher !== undefined, signal: init.signal instanceof AbortSignal });
    return forward(input, init);
  };
  return seen;
}

it('gives a signal, on every attempt, to a global fetch that drops the dispatcher', async () => {
  const api = await startLoopback((_req, res) => sendJson(res, 200, { id: 1 }));
  const seen = recordingFetch((input, init) => {
    const { dispatcher: _dropped, ...rest } = init as RequestInit & { dispatcher?: unknown };
    return nodeFetch(input, rest);
  });
  const vps = testClient(api.url);
  await vps.servers.get(1);
  await vps.servers.get(1);
  expect(seen.map((s) => s.signal)).toEqual([true, true]);
});

it('so a timed-out attempt of such a fetch leaves no connection open', async () => {
  // The attempt's timer is faked, and fired once the request is in: on a busy machine a real 100 ms could pass
  // before the request is even sent, and the test would show nothing.
  let open = 0;
  const arrived = eventually();
  const api = await startLoopback((_req, res) => {
    open += 1;
    res.on('close', () => (open -= 1));
    arrived.resolve();
  });
  recordingFetch((input, init) => nodeFetch(input, { ...init, dispatcher: undefined } as RequestInit));
  const clock = fakeTimeouts();
  const call = testClient(api.url, { timeoutMs: 100, maxRetries: 0 }).servers.get(1).catch((e: unknown) => e);
  await arrived.promise;
  clock.advance(100);
  expect(await call).toBeInstanceOf(VpsTimeoutError);
  expect(api.requests).toHaveLength(1);
  await expect.poll(() => open, { timeout: 60_000 }).toBe(0);
});

it('trusts a global fetch that passes the dispatcher on, once it has', async () => {
  const api = await startLoopback((_req, res) => sendJson(res, 200, { id: 1 }));
  const seen = recordingFetch((input, init) => nodeFetch(input, init));
  const vps = testClient(api.url);
  await vps.servers.get(1);
  await vps.servers.get(1);
  expect(seen).toEqual([
    { dispatcher: true, signal: true },
    { dispatcher: true, signal: false },
  ]);
});

it('gives a retry its own dispatcher when the global fetch changed during the backoff', async () => {
  const hung = eventually();
  const api = await startLoopback((_req, res, index) => {
    // The first attempt of the second call hangs, and meanwhile the program installs a fetch the client has not seen.
    if (index === 1) {
      recordingFetch((input, init) => nodeFetch(input, init));
      return hung.resolve();
    }
    sendJson(res, 200, { id: 1 });
  });
  const clock = fakeTimeouts();
  const vps = testClient(api.url, { timeoutMs: 150, maxRetries: 1 });
  await vps.servers.get(1); // Node's fetch shows that it dispatches (its timer never fires: the clock is fake)
  const second = vps.servers.get(1);
  await hung.promise;
  await clock.advanceAsync(150 + 20); // the timeout, then the backoff (at most maxRetryDelayMs, 20 ms)
  await expect(second).resolves.toEqual({ id: 1 });
  expect(api.requests).toHaveLength(3);
});
