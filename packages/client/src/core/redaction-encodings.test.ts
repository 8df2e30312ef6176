// A token full of characters that servers escape, echoed back raw, JSON-escaped, HTML-escaped and URL-encoded, in
// every place an error keeps what the server sent: none of those forms may show in any rendering of the error.
import { createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { describe, expect, it, onTestFinished } from 'vitest';
import { listAllServers } from '../pagination/list-all.generated.js';
import { sendJson, startLoopback, testClient } from '../testing/loopback.js';

const TOKEN = `vps_a+b/c"d&e<f>g'h=i%j\\k?l#m`;

const html = (text: string) =>
  text.replace(/[&<>"'/=+]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '/': '&#x2F;', '=': '&#61;', '+': '&#x2b;' })[c]!);

/** The forms a server may echo the token in. */
const ENCODINGS: Array<[string, (token: string) => string]> = [
  ['raw', (t) => t],
  ['JSON-escaped', (t) => JSON.stringify(t).slice(1, -1)],
  ['JSON-escaped, every character \\uXXXX', (t) => [...t].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')],
  ['HTML-escaped', html],
  ['URL-encoded', encodeURIComponent],
  ['URL-encoded, lower-case hex', (t) => encodeURIComponent(t).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase())],
];

/** The forms a rendering of the error must not contain. */
const FORBIDDEN = [TOKEN, JSON.stringify(TOKEN).slice(1, -1), html(TOKEN), encodeURIComponent(TOKEN), 'a+b/c'];

function renderings(error: unknown): string[] {
  return [
    String(error),
    inspect(error, { showHidden: true, depth: Infinity, getters: true }),
    inspect(error, { customInspect: false, showHidden: true, depth: Infinity }),
    JSON.stringify(error) ?? '',
    error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : '',
  ];
}

function expectNoToken(error: unknown) {
  expect(error).toBeInstanceOf(Error);
  for (const text of renderings(error)) for (const form of FORBIDDEN) expect(text).not.toContain(form);
}

describe.each(ENCODINGS)('a token echoed %s', (_name, encode) => {
  it('in a JSON error body, a header and the status text', async () => {
    const api = await startLoopback((_req, res) => sendJson(res, 400, { detail: `bad ${encode(TOKEN)}`, [encode(TOKEN)]: [encode(TOKEN)] }, { 'X-Request-Id': encodeURIComponent(TOKEN) }));
    const error = await testClient(api.url, { token: TOKEN }).servers.list().catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'BadRequestError', detail: 'bad [redacted]', requestId: '[redacted]', body: { '[redacted]': ['[redacted]'] } });
    expectNoToken(error);
  });

  it('in an HTML error page and a 2xx body that is not JSON', async () => {
    const api = await startLoopback((req, res) => {
      res.writeHead(req.method === 'GET' ? 502 : 200, { 'Content-Type': 'text/html' });
      res.end(`<p>token: ${encode(TOKEN)}</p>`);
    });
    const vps = testClient(api.url, { token: TOKEN, maxRetries: 0 });
    const page = await vps.servers.list().catch((e: unknown) => e);
    expect(page).toMatchObject({ name: 'InternalServerError', body: '<p>token: [redacted]</p>' });
    expectNoToken(page);
    const invalid = await vps.servers.create({ name: 'a', plan_id: 1, os_id: 1, location: 'x' }).catch((e: unknown) => e);
    expect(invalid).toMatchObject({ name: 'VpsInvalidResponseError', body: '<p>token: [redacted]</p>' });
    expectNoToken(invalid);
  });

  it('in a redirect Location', async () => {
    const api = await startLoopback((_req, res) => {
      res.writeHead(302, { Location: `https://elsewhere.example/?t=${encodeURIComponent(encode(TOKEN))}&raw=${encode(TOKEN).replace(/[^\x21-\x7e]/g, '')}` });
      res.end();
    });
    const error = await testClient(api.url, { token: TOKEN }).servers.list().catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'VpsRedirectError' });
    expectNoToken(error);
  });

  it("in the `next` URL a pagination error quotes", async () => {
    const api = await startLoopback((_req, res) => sendJson(res, 200, { count: 1, next: `/api/v1/servers/?status=${encode(TOKEN)}`, results: [{ id: 1 }] }));
    const error = await (async () => {
      for await (const server of listAllServers(testClient(api.url, { token: TOKEN }), { status: TOKEN as 'active' })) void server;
    })().catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'VpsPaginationError' });
    expectNoToken(error);
  });
});

describe('a malformed answer that echoes the token', () => {
  it.each([
    ['a status line that is not HTTP', `HTTX/1.1 200 ${TOKEN}\r\n\r\n`],
    ['a chunked body whose chunk size is not hex', `HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz ${TOKEN}\r\n`],
  ])("keeps it out of fetch's own errors in the cause chain (%s: undici's parser error keeps the bytes)", async (_what, answer) => {
    const server = createServer((socket: Socket) => socket.once('data', () => socket.end(answer)));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const seenByHook: string[] = [];
    const onError = ({ error }: { error: unknown }) => void seenByHook.push(inspect(error, { showHidden: true, depth: Infinity }));
    const error = await testClient(url, { token: TOKEN, maxRetries: 0, onError }).servers.list().catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'VpsConnectionError' });
    expect(seenByHook).toHaveLength(1);
    for (const form of FORBIDDEN) expect(seenByHook[0]).not.toContain(form); // as the hook saw it, at the time
    const chain: unknown[] = [];
    for (let e: unknown = error; e instanceof Error; e = e.cause) chain.push(e);
    expect(chain.length).toBeGreaterThanOrEqual(2);
    expectNoToken(error);
  });
});
