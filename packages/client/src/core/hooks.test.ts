import { describe, expect, it } from 'vitest';
import { InternalServerError } from './errors/api-errors.js';
import { VpsConfigError } from './errors/vps-error.js';
import type { AttemptEvent, ErrorEvent, ResponseEvent } from './hooks.js';
import { sendJson, startLoopback, TEST_TOKEN, testClient } from '../testing/loopback.js';

describe('hooks', () => {
  it('see every attempt, with the token redacted, and may add headers to it', async () => {
    const api = await startLoopback((_req, res, index) =>
      index === 0 ? sendJson(res, 503, { detail: 'Busy.' }, { 'X-Request-Id': 'req-1' }) : sendJson(res, 200, { id: 7 }, { 'X-Request-Id': 'req-2' }),
    );
    const requests: AttemptEvent[] = [];
    const responses: ResponseEvent[] = [];
    const errors: ErrorEvent[] = [];
    const vps = testClient(api.url, {
      onRequest: (event) => {
        requests.push(event);
        return { 'X-Request-Id': `mine-${event.attempt}`, Authorization: 'Bearer vps_stolen' };
      },
      onResponse: (event) => void responses.push(event),
      onError: (event) => void errors.push(event),
    });
    await expect(vps.servers.get(7, { headers: { 'X-Trace': 't1' } })).resolves.toEqual({ id: 7 });

    // What the server got: the hook's headers, the call's, and the client's own token (a hook cannot replace it).
    expect(api.requests.map((r) => [r.headers['x-request-id'], r.headers['x-trace'], r.headers.authorization])).toEqual([
      ['mine-1', 't1', `Bearer ${TEST_TOKEN}`],
      ['mine-2', 't1', `Bearer ${TEST_TOKEN}`],
    ]);
    expect(requests.map((e) => [e.method, e.url, e.attempt])).toEqual([
      ['GET', `${api.url}/api/v1/servers/7/`, 1],
      ['GET', `${api.url}/api/v1/servers/7/`, 2],
    ]);
    expect(requests[0]?.headers).toMatchObject({ Authorization: 'Bearer [redacted]', 'X-Trace': 't1', Accept: 'application/json' });
    expect(responses.map((e) => [e.attempt, e.status, e.requestId, e.headers['X-Request-Id']])).toEqual([
      [1, 503, 'req-1', 'mine-1'],
      [2, 200, 'req-2', 'mine-2'],
    ]);
    expect(responses[1]?.durationMs).toBeGreaterThanOrEqual(0);
    expect(responses[1]?.responseHeaders.get('x-request-id')).toBe('req-2');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ attempt: 1, status: 503, willRetry: true });
    expect(errors[0]?.error).toBeInstanceOf(InternalServerError);
    expect(JSON.stringify([requests, responses, errors.map((e) => ({ ...e, error: String(e.error) }))])).not.toContain(TEST_TOKEN);
  });

  it("run the client's, then the call's, and the call fails with the last error, reported once more as final", async () => {
    const api = await startLoopback((_req, res) => sendJson(res, 500, { detail: 'Oops.' }));
    const order: string[] = [];
    const vps = testClient(api.url, { onRequest: () => void order.push('client'), onError: (e) => void order.push(`client error ${e.willRetry}`) });
    const error = await vps.servers
      .list(undefined, { onRequest: () => void order.push('call'), onError: (e) => void order.push(`call error ${e.willRetry}`) })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(order).toEqual(['client', 'call', 'client error false', 'call error false']);
  });

  it('see a dropped connection as an error without a status', async () => {
    const api = await startLoopback((_req, res) => void res.socket?.destroy());
    const errors: ErrorEvent[] = [];
    const error = await testClient(api.url, { maxRetries: 1 })
      .servers.list(undefined, { onError: (e) => void errors.push(e) })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'VpsConnectionError' });
    expect(errors.map((e) => [e.attempt, e.status, e.willRetry, (e.error as Error).name])).toEqual([
      [1, undefined, true, 'VpsConnectionError'],
      [2, undefined, false, 'VpsConnectionError'],
    ]);
  });

  it('an onRequest that throws rejects the call before anything is sent', async () => {
    const api = await startLoopback((_req, res) => sendJson(res, 200, {}));
    const broken = new Error('hook failed');
    await expect(testClient(api.url, { onRequest: () => Promise.reject(broken) }).servers.list()).rejects.toBe(broken);
    expect(api.requests).toHaveLength(0);
  });

  it.each(['onRequest', 'onResponse', 'onError'] as const)('refuses a %s that is not a function, naming it', async (name) => {
    expect(() => testClient('http://127.0.0.1:1', { [name]: 'yes' } as object)).toThrow(expect.objectContaining({ option: name }));
    const call = testClient('http://127.0.0.1:1').servers.list(undefined, { [name]: 42 } as object);
    await expect(call).rejects.toBeInstanceOf(VpsConfigError);
    await expect(call).rejects.toMatchObject({ option: name });
  });
});

describe('logLevel', () => {
  it("'debug' writes one redacted line per attempt", async () => {
    const api = await startLoopback((req, res, index) =>
      index === 0 ? sendJson(res, 429, { detail: `slow down ${req.headers.authorization}` }, { 'Retry-After': '0' }) : sendJson(res, 200, []),
    );
    const lines: string[] = [];
    const logger = { debug: (line: string) => lines.push(`debug ${line}`), warn: (line: string) => lines.push(`warn ${line}`), error: (line: string) => lines.push(`error ${line}`) };
    await testClient(api.url, { logLevel: 'debug', logger }).dnsZones.list({ domain: 'example.com' });
    expect(lines).toEqual([
      expect.stringMatching(/^debug \[vps-org-client\] GET http:\/\/127\.0\.0\.1:\d+\/api\/v1\/dns-zones\/\?domain=example\.com attempt 1: 429 in \d+ ms$/),
      expect.stringMatching(/^warn \[vps-org-client\] GET .* attempt 1 failed: RateLimitError: 429 Too Many Requests: slow down Bearer \[redacted\] .*; retrying$/),
      expect.stringMatching(/^debug \[vps-org-client\] GET .* attempt 2: 200 in \d+ ms$/),
    ]);
    expect(lines.join('\n')).not.toContain(TEST_TOKEN);
  });

  it("'error' writes only the failed call, and nothing is written by default", async () => {
    const api = await startLoopback((_req, res) => sendJson(res, 503, { detail: 'Down.' }));
    const lines: string[] = [];
    const logger = { debug: (l: string) => lines.push(l), warn: (l: string) => lines.push(l), error: (l: string) => lines.push(`error ${l}`) };
    await expect(testClient(api.url, { logLevel: 'error', logger, maxRetries: 1 }).servers.list()).rejects.toThrow(InternalServerError);
    expect(lines).toEqual([expect.stringMatching(/^error \[vps-org-client\] GET .* attempt 2 failed: InternalServerError: 503/)]);
    await expect(testClient(api.url, { logger, maxRetries: 0 }).servers.list()).rejects.toThrow(InternalServerError);
    expect(lines).toHaveLength(1);
  });

  it('refuses an unknown level', () => {
    expect(() => testClient('http://127.0.0.1:1', { logLevel: 'verbose' as 'debug' })).toThrow(expect.objectContaining({ option: 'logLevel' }));
  });
});

describe('default headers and a token provider', () => {
  it('sends the default headers on every request, under the call’s own', async () => {
    const api = await startLoopback((_req, res) => sendJson(res, 200, []));
    const vps = testClient(api.url, { headers: { 'X-Team': 'infra', 'X-Env': 'ci' } });
    await vps.dnsZones.list();
    await vps.dnsZones.list(undefined, { headers: { 'X-Env': 'prod' } });
    expect(api.requests.map((r) => [r.headers['x-team'], r.headers['x-env'], r.headers.authorization])).toEqual([
      ['infra', 'ci', `Bearer ${TEST_TOKEN}`],
      ['infra', 'prod', `Bearer ${TEST_TOKEN}`],
    ]);
  });

  it('asks the provider before each attempt, and redacts every token it gave', async () => {
    const api = await startLoopback((req, res, index) =>
      index === 0 ? sendJson(res, 503, { detail: 'Busy.' }) : sendJson(res, 401, { detail: `Expired: ${req.headers.authorization}` }),
    );
    let rotation = 0;
    const token = async () => `vps_rotated_${++rotation}`;
    const error = await testClient(api.url, { token }).servers.get(1).catch((e: unknown) => e);
    expect(api.requests.map((r) => r.headers.authorization)).toEqual(['Bearer vps_rotated_1', 'Bearer vps_rotated_2']);
    expect(error).toMatchObject({ name: 'AuthenticationError', detail: 'Expired: Bearer [redacted]' });
  });

  it('rejects the call, sending nothing and naming no value, when the provider gives no token', async () => {
    const api = await startLoopback((_req, res) => sendJson(res, 200, []));
    const error = await testClient(api.url, { token: () => 'not a token' }).dnsZones.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VpsConfigError);
    expect(error).toMatchObject({ option: 'token' });
    expect((error as Error).message).not.toContain('not a token');
    expect(api.requests).toHaveLength(0);
  });
});
