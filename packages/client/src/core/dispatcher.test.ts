// Node's fetch is undici: the client hands it a dispatcher of its own per attempt (see dispatcher.ts) instead of an
// AbortSignal. These tests check what that must keep: the program's own global dispatcher, and a request ended at
// its deadline wherever it is, never written late.
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { attemptDispatcher, type Dispatcher } from './dispatcher.js';
import { VpsTimeoutError } from './errors/transport-errors.js';
import { sendJson, startLoopback, testClient } from '../testing/loopback.js';

const GLOBAL_DISPATCHER = Symbol.for('undici.globalDispatcher.1');
const slot = globalThis as { [GLOBAL_DISPATCHER]?: Dispatcher };
// Node loads undici, and its global dispatcher, on the first fetch.
await (await fetch('data:,')).text();
const original = slot[GLOBAL_DISPATCHER] as Dispatcher & { constructor: new (options: object) => Dispatcher & { close(): Promise<void> } };

afterEach(() => {
  slot[GLOBAL_DISPATCHER] = original;
});

// Every test here takes the dispatcher path: the global fetch is given a signal until it has shown that it
// dispatches through the dispatcher it was given (fetch-replaced.test.ts), so one call shows it first. The global
// fetch passes everything on to Node's, keeping the last init to show that the tests' calls had no signal.
const nodeFetch = globalThis.fetch;
let lastInit: RequestInit | undefined;
globalThis.fetch = (input, init) => nodeFetch(input, (lastInit = init));
afterAll(() => {
  globalThis.fetch = nodeFetch;
});
const warmUp = createServer((_req, res) => res.end('{}'));
await new Promise<void>((resolve) => warmUp.listen(0, '127.0.0.1', resolve));
await testClient(`http://127.0.0.1:${(warmUp.address() as AddressInfo).port}`).servers.get(1);
warmUp.closeAllConnections();
warmUp.close();

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
    expect(typeof original.dispatch).toBe('function');
  });

  it('sends through the dispatcher the program installed, leaving its own timeouts alone', async () => {
    const api = await startLoopback((_req, res) => sendJson(res, 200, { id: 1 }));
    const seen: object[] = [];
    slot[GLOBAL_DISPATCHER] = {
      dispatch(options, handler) {
        seen.push(options);
        return original.dispatch(options, handler);
      },
    };
    await testClient(api.url, { timeoutMs: 4_321 }).servers.get(1);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ path: '/api/v1/servers/1/', method: 'GET' });
    expect(seen[0]).not.toHaveProperty('headersTimeout');
    expect(seen[0]).not.toHaveProperty('bodyTimeout');
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
    [
      'a body that trickles on',
      (res: ServerResponse) => {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        const drip = setInterval(() => res.write(' '), 20);
        res.on('close', () => clearInterval(drip));
      },
    ],
  ])('closes the connection at the deadline (%s)', async (_what, answer) => {
    const server = await hungServer(answer);
    const error = await testClient(server.url, { timeoutMs: 150, maxRetries: 0 })
      .servers.get(1)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VpsTimeoutError);
    expect(lastInit).toMatchObject({ signal: undefined, dispatcher: expect.anything() });
    await server.connectionClosed;
  });

  it('never sends a request whose deadline passed while it waited for a connection', async () => {
    let release!: () => void;
    let holding!: () => void;
    const held = new Promise<void>((resolve) => (holding = resolve));
    const api = await startLoopback((req, res) => {
      if (req.url !== '/hold') return sendJson(res, 200, {});
      holding();
      release = () => sendJson(res, 200, {});
    });
    // One connection for the whole program: the DELETE waits behind /hold.
    const agent = new original.constructor({ connections: 1 });
    onTestFinished(() => agent.close());
    slot[GLOBAL_DISPATCHER] = agent;
    const first = fetch(`${api.url}/hold`);
    await held;
    const error = await testClient(api.url, { timeoutMs: 100, maxRetries: 0 })
      .dnsRecords.delete('rec-001')
      .catch((e: unknown) => e);
    const deleteInit = lastInit;
    release();
    await (await first).text();
    // Requests leave the queue in order: had the DELETE been sent, it would be in before this one.
    await (await fetch(`${api.url}/after`)).text();
    expect(error).toBeInstanceOf(VpsTimeoutError);
    expect(deleteInit).toMatchObject({ method: 'DELETE', signal: undefined, dispatcher: expect.anything() });
    expect(api.requests.map((r) => `${r.method} ${r.url}`)).toEqual(['GET /hold', 'GET /after']);
  });
});

describe('elsewhere (browsers, Deno, Bun)', () => {
  it('there is no dispatcher, and an attempt uses a signal', () => {
    slot[GLOBAL_DISPATCHER] = undefined;
    expect(attemptDispatcher()).toBeUndefined();
  });
});
