// A program (msw, a polyfill) may replace Node's fetch with one that ignores the `dispatcher` the client passes: its
// requests then could not be ended at their deadline, so the client goes back to a signal. Its own file: that choice
// lasts for the module's life.
import { afterEach, expect, it } from 'vitest';
import { sendJson, startLoopback, testClient } from '../testing/loopback.js';

const nodeFetch = globalThis.fetch;

afterEach(() => {
  globalThis.fetch = nodeFetch;
});

it('gives a signal to a global fetch that ignored its dispatcher', async () => {
  const api = await startLoopback((_req, res) => sendJson(res, 200, { id: 1 }));
  await (await nodeFetch('data:,')).text(); // Node's undici, and its dispatcher, are loaded
  const seen: Array<{ dispatcher: boolean; signal: boolean }> = [];
  globalThis.fetch = (input, init = {}) => {
    const { dispatcher, ...rest } = init as RequestInit & { dispatcher?: unknown };
    seen.push({ dispatcher: dispatcher !== undefined, signal: init.signal instanceof AbortSignal });
    return nodeFetch(input, rest);
  };
  const vps = testClient(api.url);
  await vps.servers.get(1);
  await vps.servers.get(1);
  expect(seen).toEqual([
    { dispatcher: true, signal: false },
    { dispatcher: false, signal: true },
  ]);
});
