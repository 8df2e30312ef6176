// Node's fetch is undici: the client hands it a dispatcher (see dispatcher.ts) instead of an AbortSignal. These tests
// check what that dispatcher must keep: the program's own global dispatcher, undici's timeouts, and a hung
// connection closed after the client gave up.
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { type Dispatcher, timedDispatcher } from './dispatcher.js';
import { VpsTimeoutError } from './errors/transport-errors.js';
import { sendJson, startLoopback, testClient } from '../testing/loopback.js';

const GLOBAL_DISPATCHER = Symbol.for('undici.globalDispatcher.1');
const slot = globalThis as { [GLOBAL_DISPATCHER]?: Dispatcher };
// Node loads undici, and its global dispatcher, on the first fetch.
await (await fetch('data:,')).text();
const original = slot[GLOBAL_DISPATCHER];

afterEach(() => {
  slot[GLOBAL_DISPATCHER] = original;
});

/** Installs a global dispatcher that records what it is asked to send, as a proxy agent or a MockAgent would be. */
function recordingDispatcher() {
  const seen: Array<{ path: unknown; headersTimeout: unknown; bodyTimeout: unknown }> = [];
  const base = original as Dispatcher;
  slot[GLOBAL_DISPATCHER] = {
    dispatch(options, handler) {
      seen.push({ path: options.path, headersTimeout: options.headersTimeout, bodyTimeout: options.bodyTimeout });
      return base.dispatch(options, handler);
    },
  };
  return seen;
}

/** A server that answers with `answer` and hangs on, and a promise that settles when the client's connection closes. */
async function hungServer(answer: (res: ServerResponse) => void) {
  let closed!: () => void;
  const connectionClosed = new Promise<void>((resolve) => (closed = resolve));
  const server = createServer((_req, res) => answer(res));
  server.on('connection', (socket) => socket.on('close', () => closed()));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(() => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, connectionClosed };
}

describe("Node's fetch", () => {
  it('has a global dispatcher once fetch has run', () => {
    // Without it every test below would take the signal path and prove nothing.
    expect(typeof original?.dispatch).toBe('function');
  });

  it('sends through the dispatcher the program installed, with the attempt timeout as undici timeouts', async () => {
    const api = await startLoopback((_req, res) => sendJson(res, 200, { id: 1 }));
    const seen = recordingDispatcher();
    await testClient(api.url, { timeoutMs: 4_321 }).servers.get(1);
    await testClient(api.url, { timeoutMs: 4_321 }).servers.get(2, { timeoutMs: 1_234 });
    expect(seen).toEqual([
      { path: '/api/v1/servers/1/', headersTimeout: 4_321, bodyTimeout: 4_321 },
      { path: '/api/v1/servers/2/', headersTimeout: 1_234, bodyTimeout: 1_234 },
    ]);
  });

  it('turns undici timeouts off when the client timeout is off', async () => {
    const api = await startLoopback((_req, res) => sendJson(res, 200, { id: 1 }));
    const seen = recordingDispatcher();
    await testClient(api.url, { timeoutMs: Infinity }).servers.get(1);
    expect(seen).toMatchObject([{ headersTimeout: 0, bodyTimeout: 0 }]);
  });

  it("leaves a caller's signal to fetch: the call does not go through the timed dispatcher", async () => {
    const api = await startLoopback((_req, res) => sendJson(res, 200, { id: 1 }));
    const seen = recordingDispatcher();
    await testClient(api.url).servers.get(1, { signal: new AbortController().signal });
    expect(seen).toMatchObject([{ path: '/api/v1/servers/1/', headersTimeout: undefined }]);
  });

  it.each([
    ['no answer', () => undefined],
    [
      'half a body',
      (res: ServerResponse) => {
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '100' });
        res.write('{"id": 1, ');
      },
    ],
  ])('closes a connection that hangs on (%s) after the attempt timed out', async (_what, answer) => {
    const server = await hungServer(answer);
    const error = await testClient(server.url, { timeoutMs: 100, maxRetries: 0 })
      .servers.get(1)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VpsTimeoutError);
    // undici's timer closes it within about a second of the deadline; without it the socket stays for 300 s.
    await server.connectionClosed;
  });
});

describe('elsewhere (browsers, Deno, Bun)', () => {
  it('there is no dispatcher, and an attempt uses a signal', () => {
    slot[GLOBAL_DISPATCHER] = undefined;
    expect(timedDispatcher(1_000)).toBeUndefined();
  });
});
