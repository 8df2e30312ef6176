// A bundler for a browser resolves package.json's `imports` with the `browser` condition: #attempt and #runtime are
// then the `.browser.js` modules (no undici dispatcher, no runtime name), and the client must work just the same on
// them. This file runs the whole client on those two modules, against a real server, through the real fetch.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { VpsTimeoutError } from './errors/transport-errors.js';
import { eventually, fakeTimeouts } from '../testing/clock.js';
import { sendJson, startLoopback, TEST_TOKEN, testClient } from '../testing/loopback.js';

vi.mock('#attempt', () => import('./attempt.browser.js'));
vi.mock('#runtime', () => import('./runtime.browser.js'));

type Conditions = Record<string, string>;
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { imports: Record<string, Conditions> };
const root = new URL('../../', import.meta.url);

describe("package.json's imports", () => {
  it.each(Object.entries(pkg.imports))('%s has a browser build with the same exports as the Node one, in dist/', async (name, targets) => {
    expect(Object.keys(targets)).toEqual(['browser', 'default']);
    const node = (await import(new URL(targets.default as string, root).href)) as object;
    const browser = (await import(new URL(targets.browser as string, root).href)) as object;
    expect(Object.keys(browser).sort()).toEqual(Object.keys(node).sort());
    // The CommonJS build requires the Node module by path: its nearest package.json has no `imports`.
    const cjs = createRequire(import.meta.url)(new URL(`dist/cjs/core/${name.slice(1)}.js`, root).pathname) as object;
    expect(Object.keys(cjs).sort()).toEqual(Object.keys(node).sort());
  });
});

describe('the client on the browser builds', () => {
  afterEach(() => void vi.restoreAllMocks());

  it('sends each attempt with a signal of its own and no dispatcher, and names no runtime', async () => {
    const api = await startLoopback((_req, res, index) => (index === 0 ? sendJson(res, 503, { detail: 'Busy.' }, { 'Retry-After': '0' }) : sendJson(res, 200, { id: 7 })));
    const sent = vi.spyOn(globalThis, 'fetch');
    await expect(testClient(api.url).servers.get(7)).resolves.toEqual({ id: 7 });
    expect(sent).toHaveBeenCalledTimes(2); // the 503 was retried
    for (const [, init] of sent.mock.calls) {
      expect(init?.signal).toBeInstanceOf(AbortSignal);
      expect(init).not.toHaveProperty('dispatcher');
    }
    expect(api.requests.map((r) => r.headers['user-agent'])).toEqual(['vps-org-client/0.1.0', 'vps-org-client/0.1.0']);
    expect(api.requests[0]?.headers.authorization).toBe(`Bearer ${TEST_TOKEN}`);
  });

  it('times an attempt out at its deadline, and a signal of the caller aborts the call', async () => {
    const arrived = [eventually(), eventually()];
    const api = await startLoopback((_req, _res, index) => arrived[index]?.resolve()); // never answers
    // The deadline on a fake clock, moved on once the request is in: a busy machine cannot fire it early.
    const clock = fakeTimeouts();
    const timedOut = testClient(api.url, { timeoutMs: 100, maxRetries: 0 }).servers.list().catch((e: unknown) => e);
    await arrived[0]?.promise;
    clock.advance(100);
    expect(await timedOut).toBeInstanceOf(VpsTimeoutError);
    const controller = new AbortController();
    const call = testClient(api.url).servers.list(undefined, { signal: controller.signal });
    await arrived[1]?.promise;
    controller.abort();
    await expect(call).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('redacts the token the server echoes', async () => {
    const api = await startLoopback((req, res) => sendJson(res, 401, { detail: `Invalid: ${req.headers.authorization}` }));
    await expect(testClient(api.url).servers.get(1)).rejects.toMatchObject({ name: 'AuthenticationError', detail: 'Invalid: Bearer [redacted]' });
  });
});
