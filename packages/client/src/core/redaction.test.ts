import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { AuthenticationError, BadRequestError } from './errors/api-errors.js';
import { refusedUrl, sendJson, startLoopback, TEST_TOKEN, testClient } from '../testing/loopback.js';

/** Every way an object commonly ends up in a log. */
function renderings(value: unknown): string[] {
  return [
    String(value),
    JSON.stringify(value) ?? '',
    inspect(value),
    inspect(value, { showHidden: true, depth: Infinity, getters: true }),
    inspect(value, { customInspect: false, showHidden: true, depth: Infinity }),
    value instanceof Error ? `${value.message}\n${value.stack ?? ''}` : '',
  ];
}

describe('the token never shows', () => {
  it('in an error whose server echoes the Authorization header back', async () => {
    const api = await startLoopback((req, res) =>
      sendJson(
        res,
        401,
        { detail: `Invalid API token: ${req.headers.authorization}`, error_code: 'authentication_failed', field: null },
        { 'X-Request-Id': `req for ${req.headers.authorization}` },
      ),
    );
    const error = await testClient(api.url).servers.list().catch((e: unknown) => e);

    expect(api.requests[0]?.headers.authorization).toBe(`Bearer ${TEST_TOKEN}`); // it was sent...
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).detail).toBe('Invalid API token: Bearer [redacted]');
    expect((error as AuthenticationError).requestId).toBe('req for Bearer [redacted]');
    for (const text of renderings(error)) expect(text).not.toContain(TEST_TOKEN); // ...and never kept
  });

  it('in an error whose body is not JSON', async () => {
    const api = await startLoopback((req, res) => {
      res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(`debug: headers=${JSON.stringify(req.headers)}`);
    });
    const error = await testClient(api.url).servers.list().catch((e: unknown) => e);
    expect(String((error as { body: unknown }).body)).toContain('[redacted]');
    for (const text of renderings(error)) expect(text).not.toContain(TEST_TOKEN);
  });

  it('in the status line', async () => {
    const api = await startLoopback((req, res) => {
      res.writeHead(401, `Rejected ${req.headers.authorization}`, { 'Content-Type': 'application/json' });
      res.end('{}');
    });
    const error = await testClient(api.url).servers.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as Error).message).toContain('401 Rejected Bearer [redacted]');
    for (const text of renderings(error)) expect(text).not.toContain(TEST_TOKEN);
  });

  it.each([
    ['\\u005f', TEST_TOKEN, (json: string) => json.replaceAll('_', '\\u005f')],
    ['\\/', 'vps_test/0123456789', (json: string) => json.replaceAll('/', '\\/')],
    ['every character as \\uXXXX', TEST_TOKEN, (json: string) => json.replace(/vps_[^"]+/, (t) => [...t].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join(''))],
  ])('in a JSON body that escapes it (%s)', async (_escape, token, escape) => {
    const api = await startLoopback((req, res) => {
      res.writeHead(400, { 'Content-Type': 'application/json' });
      const echoed = JSON.stringify({ detail: `Bad token ${req.headers.authorization?.slice(7)}`, token: [req.headers.authorization?.slice(7)] });
      res.end(escape(echoed));
    });
    const error = await testClient(api.url, { token }).servers.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ detail: 'Bad token [redacted]', body: { token: ['[redacted]'] } });
    for (const text of renderings(error)) expect(text).not.toContain(token);
  });

  it('in a 2xx body that is not JSON', async () => {
    const api = await startLoopback((req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end(`<p>${req.headers.authorization}</p>`);
    });
    const error = await testClient(api.url).servers.list().catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'VpsInvalidResponseError', body: '<p>Bearer [redacted]</p>' });
    for (const text of renderings(error)) expect(text).not.toContain(TEST_TOKEN);
  });

  it('in connection and timeout errors', async () => {
    const refused = await testClient(await refusedUrl()).servers.list().catch((e: unknown) => e);
    const api = await startLoopback(() => undefined);
    const timedOut = await testClient(api.url, { timeoutMs: 20, maxRetries: 0 }).servers.list().catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(Error);
    expect(timedOut).toBeInstanceOf(Error);
    for (const text of [...renderings(refused), ...renderings(timedOut)]) expect(text).not.toContain(TEST_TOKEN);
  });

  it('in the client, its resources and its http client', async () => {
    const api = await startLoopback((_req, res) => sendJson(res, 200, []));
    const vps = testClient(api.url);
    await vps.dnsZones.list(); // after a request too, in case anything is cached
    for (const value of [vps, vps.servers, vps.dnsZones, vps.http]) {
      for (const text of renderings(value)) expect(text).not.toContain(TEST_TOKEN);
    }
    expect(inspect(vps)).toBe(`VpsClient { baseUrl: '${api.url}', token: '[redacted]' }`);
    expect(JSON.parse(JSON.stringify(vps))).toEqual({ baseUrl: api.url });
    expect(Object.keys(vps)).not.toContain('token');
  });
});
