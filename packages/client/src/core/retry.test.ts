import { describe, expect, it } from 'vitest';
import { InternalServerError, RateLimitError } from './errors/api-errors.js';
import { VpsConnectionError } from './errors/transport-errors.js';
import { example, serverWithStatus } from '../testing/fixtures.js';
import { sendJson, startLoopback, testClient, type Handler } from '../testing/loopback.js';
import type { VpsClient } from '../vps-client.js';

/** Answers `status` to the first `failures` requests, then 200 with a server (or 204 to a DELETE). */
function failThenSucceed(status: number, failures: number, headers: Record<string, string> = {}): Handler {
  return (req, res, index) => {
    if (index < failures) return sendJson(res, status, { detail: 'Try again.' }, headers);
    if (req.method === 'DELETE') {
      res.writeHead(204);
      res.end();
      return;
    }
    return sendJson(res, 200, serverWithStatus('active'));
  };
}

const gaps = (times: number[]) => times.slice(1).map((t, i) => t - (times[i] ?? 0));

describe('retries', () => {
  const idempotent: Array<[string, (vps: VpsClient) => Promise<unknown>]> = [
    ['GET', (vps) => vps.servers.get(1)],
    ['PUT', (vps) => vps.servers.update(1, example('ServerUpdateRequest'))],
    ['DELETE', (vps) => vps.servers.delete(1)],
  ];

  describe.each(idempotent)('%s', (method, call) => {
    it.each([408, 429, 502, 503, 504])(`is retried after a %i until it succeeds`, async (status) => {
      const api = await startLoopback(failThenSucceed(status, 2));
      await call(testClient(api.url));
      expect(api.requests.map((r) => r.method)).toEqual([method, method, method]);
    });
  });

  it('sends the same body again when it retries a PUT', async () => {
    const api = await startLoopback(failThenSucceed(503, 1));
    await testClient(api.url).dnsRecords.update('rec-002', example('DnsRecordUpdateRequest'));
    expect(api.requests).toHaveLength(2);
    expect(JSON.parse(api.requests[1]?.body ?? '')).toEqual(example('DnsRecordUpdateRequest'));
    expect(api.requests[1]?.body).toBe(api.requests[0]?.body);
  });

  it('gives up after maxRetries (default 2) and throws the last answer', async () => {
    const api = await startLoopback(failThenSucceed(503, Infinity));
    const error = await testClient(api.url).servers.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toMatchObject({ status: 503 });
    expect(api.requests).toHaveLength(3);
  });

  it('honours maxRetries per client and per call', async () => {
    const api = await startLoopback(failThenSucceed(502, Infinity));
    await expect(testClient(api.url, { maxRetries: 0 }).servers.list()).rejects.toThrow(InternalServerError);
    expect(api.requests).toHaveLength(1);
    await expect(testClient(api.url, { maxRetries: 0 }).servers.list({}, { maxRetries: 4 })).rejects.toThrow();
    expect(api.requests).toHaveLength(1 + 5);
    await expect(testClient(api.url, { maxRetries: 5 }).servers.list({}, { maxRetries: 1 })).rejects.toThrow();
    expect(api.requests).toHaveLength(1 + 5 + 2);
  });

  it('backs off exponentially between attempts', async () => {
    const api = await startLoopback(failThenSucceed(503, Infinity));
    const vps = testClient(api.url, { maxRetries: 3, retryDelayMs: 40, maxRetryDelayMs: 10_000 });
    await expect(vps.servers.list()).rejects.toThrow(InternalServerError);
    const [first, second, third] = gaps(api.requests.map((r) => r.at));
    // 40, 80, 160 ms, each less up to a quarter of jitter: at least 30, 60, 120 (a couple of ms of clock slack).
    expect(first).toBeGreaterThanOrEqual(28);
    expect(second).toBeGreaterThanOrEqual(58);
    expect(third).toBeGreaterThanOrEqual(118);
  });

  it('waits the seconds a Retry-After asks for', async () => {
    const api = await startLoopback(failThenSucceed(429, 1, { 'Retry-After': '1' }));
    await testClient(api.url).servers.get(1);
    const [gap] = gaps(api.requests.map((r) => r.at));
    expect(gap).toBeGreaterThanOrEqual(990);
  });

  it('waits until a Retry-After HTTP date', async () => {
    let asked = 0;
    let retried = 0;
    const api = await startLoopback((req, res, index) => {
      // Dated when it is sent, in whole seconds: 1 to 2 s from now. The retry must not come before that date, however
      // long the answer took to reach the client.
      if (index === 0) asked = Math.floor((Date.now() + 2_000) / 1000) * 1000;
      else retried = Date.now();
      return failThenSucceed(503, 1, { 'Retry-After': new Date(asked).toUTCString() })(req, res, index);
    });
    await testClient(api.url).servers.get(1);
    expect(api.requests).toHaveLength(2);
    expect(retried).toBeGreaterThanOrEqual(asked - 5); // a few ms for clocks that round differently
  });

  it.each([
    ['seconds', '86400'],
    ['an HTTP date', new Date(Date.now() + 3_600_000).toUTCString()],
  ])('fails at once, with retryAfter, when Retry-After in %s asks for more than maxRetryAfterMs', async (_kind, header) => {
    const api = await startLoopback(failThenSucceed(429, Infinity, { 'Retry-After': header }));
    const error = await testClient(api.url, { maxRetries: 5 }).servers.get(1).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfter).toBeGreaterThanOrEqual(3_500);
    expect(api.requests).toHaveLength(1);
  });

  it('throws RateLimitError with retryAfter when the 429s outlast the retries', async () => {
    const api = await startLoopback(failThenSucceed(429, Infinity, { 'Retry-After': '0' }));
    const error = await testClient(api.url).dnsZones.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfter).toBe(0);
    expect(api.requests).toHaveLength(3);
  });

  it('does not retry a 500', async () => {
    const api = await startLoopback(failThenSucceed(500, Infinity));
    await expect(testClient(api.url).servers.get(1)).rejects.toThrow(InternalServerError);
    expect(api.requests).toHaveLength(1);
  });

  it('retries a GET whose connection drops, after the backoff, then succeeds', async () => {
    const api = await startLoopback((_req, res, index) => {
      if (index < 2) return void res.socket?.destroy();
      sendJson(res, 200, serverWithStatus('active'));
    });
    const vps = testClient(api.url, { retryDelayMs: 40, maxRetryDelayMs: 10_000 });
    await expect(vps.servers.get(1)).resolves.toMatchObject({ status: 'active' });
    expect(api.requests).toHaveLength(3);
    const [first, second] = gaps(api.requests.map((r) => r.at));
    expect(first).toBeGreaterThanOrEqual(28);
    expect(second).toBeGreaterThanOrEqual(58);
  });
});

describe('POST and PATCH are never retried', () => {
  const unsafe: Array<[string, (vps: VpsClient) => Promise<unknown>]> = [
    ['servers.create', (vps) => vps.servers.create(example('ServerCreateRequest'))],
    ['servers.start', (vps) => vps.servers.start(1)],
    ['servers.patch', (vps) => vps.servers.patch(1, { name: 'renamed' })],
    ['dnsZones.createRecord', (vps) => vps.dnsZones.createRecord('abc', example('RecordA'))],
    ['dnsRecords.patch', (vps) => vps.dnsRecords.patch('rec-001', { ttl: 1800 })],
  ];

  it.each(unsafe)('%s after a 503', async (_name, call) => {
    const api = await startLoopback(failThenSucceed(503, Infinity));
    await expect(call(testClient(api.url, { maxRetries: 5 }))).rejects.toThrow(InternalServerError);
    expect(api.requests).toHaveLength(1);
  });

  it.each(unsafe)('%s after a 429', async (_name, call) => {
    const api = await startLoopback(failThenSucceed(429, Infinity, { 'Retry-After': '0' }));
    await expect(call(testClient(api.url, { maxRetries: 5 }))).rejects.toThrow(RateLimitError);
    expect(api.requests).toHaveLength(1);
  });

  it.each(unsafe)('%s after a dropped connection', async (_name, call) => {
    const api = await startLoopback((_req, res) => void res.socket?.destroy());
    await expect(call(testClient(api.url, { maxRetries: 5 }))).rejects.toThrow(VpsConnectionError);
    expect(api.requests).toHaveLength(1);
  });
});
