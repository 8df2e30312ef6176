import { describe, expect, it } from 'vitest';
import { createVpsClient, VpsClient } from './vps-client.js';
import { VpsConfigError, VpsError } from './core/errors/vps-error.js';
import { example, serverWithStatus } from './testing/fixtures.js';
import { sendJson, startLoopback, TEST_TOKEN, testClient } from './testing/loopback.js';

describe('createVpsClient', () => {
  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['only the prefix', 'vps_'],
    ['of another service', 'sk_live_4eC39HqLyjWDarjtT1zdp7dc'],
    ['in upper case', 'VPS_abc123'],
    ['with a trailing newline', 'vps_abc123\n'],
    ['with a space', 'vps_abc 123'],
    ['with a NUL', 'vps_abc\u0000SECRET123'],
    ['with a character above U+00FF', 'vps_abc\u2603SECRET123'],
    ['with a Latin-1 character', 'vps_abc\u00e9SECRET123'],
  ])('refuses a token that is %s, without echoing it', (_case, token) => {
    const create = () => createVpsClient({ token: token as string });
    expect(create).toThrow(VpsConfigError);
    expect(create).toThrow(VpsError);
    expect(create).toThrow(expect.objectContaining({ option: 'token' }));
    expect(create).toThrow(/must be a VPS\.org API token: a string that starts with "vps_"/);
    try {
      create();
    } catch (error) {
      const secret = token?.trim().slice(4);
      if (secret) expect(String(error)).not.toContain(secret);
    }
  });

  it.each([
    [{ timeoutMs: 0 }, /timeoutMs/],
    [{ timeoutMs: Number.NaN }, /timeoutMs/],
    [{ maxRetries: -1 }, /maxRetries/],
    [{ maxRetries: 1.5 }, /maxRetries/],
    [{ retryDelayMs: -5 }, /retryDelayMs/],
    [{ baseUrl: 'admin.vps.org' }, /baseUrl/],
    [{ maxRetryAfterMs: 2 ** 31 }, /maxRetryAfterMs/],
    [{ maxRetryDelayMs: Infinity }, /maxRetryDelayMs/],
    [{ retryDelayMs: Number.NaN }, /retryDelayMs/],
  ])('refuses %o with a VpsConfigError naming the option', (options, message) => {
    expect(() => createVpsClient({ token: TEST_TOKEN, ...options })).toThrow(message);
    expect(() => createVpsClient({ token: TEST_TOKEN, ...options })).toThrow(VpsConfigError);
  });

  it('refuses a bad per-call option, naming it, before sending anything', async () => {
    const api = await startLoopback((_req, res) => sendJson(res, 200, []));
    const vps = testClient(api.url);
    await expect(vps.dnsZones.list({}, { timeoutMs: Number.NaN })).rejects.toThrow(VpsConfigError);
    await expect(vps.dnsZones.list({}, { maxRetries: -1 })).rejects.toMatchObject({ option: 'maxRetries' });
    expect(api.requests).toHaveLength(0);
  });

  it('sends the token, a User-Agent with the suffix, and JSON', async () => {
    const api = await startLoopback((_req, res) => sendJson(res, 201, example('DnsRecordCreated')));
    const vps = testClient(api.url, { userAgent: 'dns-as-code/1.0' });
    const record = await vps.dnsZones.createRecord('abc123', { record_type: 'A', name: 'www', value: '192.0.2.1' });

    expect(record).toEqual(example('DnsRecordCreated'));
    const [request] = api.requests;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/api/v1/dns-zones/abc123/records/');
    expect(request?.headers.authorization).toBe(`Bearer ${TEST_TOKEN}`);
    expect(request?.headers['user-agent']).toMatch(/^vps-org-client\/\d+\.\d+\.\d+ node\/v\d+\S* dns-as-code\/1\.0$/);
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers.accept).toBe('application/json');
    expect(JSON.parse(request?.body ?? '')).toEqual({ record_type: 'A', name: 'www', value: '192.0.2.1' });
  });

  it('defaults to https://admin.vps.org, and sends through an injected fetch', async () => {
    const api = await startLoopback((_req, res) => sendJson(res, 200, []));
    const seen: string[] = [];
    // A real fetch over loopback that records where the client meant to go.
    const viaLoopback = (request: Request) => {
      seen.push(request.url);
      const target = new URL(request.url);
      return fetch(new Request(`${api.url}${target.pathname}${target.search}`, request));
    };
    const vps = createVpsClient({ token: TEST_TOKEN, fetch: viaLoopback });

    expect(vps.baseUrl).toBe('https://admin.vps.org');
    await vps.dnsRecords.list({ record_type: 'MX' });
    expect(seen).toEqual(['https://admin.vps.org/api/v1/dns-records/?record_type=MX']);
    expect(api.requests[0]?.headers.authorization).toBe(`Bearer ${TEST_TOKEN}`);
  });

  it('sends per-call headers', async () => {
    const api = await startLoopback((_req, res) => sendJson(res, 200, serverWithStatus('active')));
    await testClient(api.url).servers.get(1, { headers: { 'X-Trace': 'plan-42' } });
    expect(api.requests[0]?.headers['x-trace']).toBe('plan-42');
  });

  it('returns undefined for a 204', async () => {
    const api = await startLoopback((_req, res) => {
      res.writeHead(204);
      res.end();
    });
    await expect(testClient(api.url).dnsZones.delete('abc123')).resolves.toBeUndefined();
    expect(api.requests[0]?.method).toBe('DELETE');
  });

  it('exposes the typed openapi-fetch client as vps.http', async () => {
    const api = await startLoopback((_req, res) => sendJson(res, 200, serverWithStatus('stopped', 42)));
    const vps = testClient(api.url);
    const { data, response } = await vps.http.GET('/api/v1/servers/{server_id}/', { params: { path: { server_id: 42 } } });
    expect(data?.status).toBe('stopped');
    expect(response.status).toBe(200);
    expect(response.url).toBe(`${api.url}/api/v1/servers/42/`);
    expect(api.requests[0]?.headers.authorization).toBe(`Bearer ${TEST_TOKEN}`);
  });

  it('keeps clients apart: no state is shared', async () => {
    const api = await startLoopback((_req, res) => sendJson(res, 200, []));
    const one = new VpsClient({ token: 'vps_one', baseUrl: api.url });
    const two = new VpsClient({ token: 'vps_two', baseUrl: api.url });
    await one.dnsZones.list();
    await two.dnsZones.list();
    expect(api.requests.map((r) => r.headers.authorization)).toEqual(['Bearer vps_one', 'Bearer vps_two']);
  });
});
