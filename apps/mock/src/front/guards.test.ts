// What the front answers itself, in both modes, against a real Prism over loopback: headers Prism would crash on,
// tokens that are no tokens, HEAD, 405 with Allow, and the health route. Every error answer is the API's error body
// with a status the spec documents for the operation, and the mock is still up (with its state) afterwards.
import { createSpecValidator } from '@vps-org/openapi';
import { describe, expect, it } from 'vitest';
import { bundledRoutes } from '../routes.js';
import { call, MODES, mockPerSuite, TOKEN } from '../test-support.js';

const routes = bundledRoutes();
const validator = createSpecValidator(routes.spec);
const errorBody = validator.schema('ApiErrorBody');
const zonesPath = '/api/v1/dns-zones/';

async function raw(base: string, path: string, init: RequestInit = {}) {
  const response = await fetch(base + path, init);
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: text ? JSON.parse(text) : undefined };
}

/** The answer is one the spec documents for `operationId`, with the API's error body. */
function documented(operationId: string, res: { status: number; json: unknown }) {
  expect(routes.get(operationId).statuses).toContain(String(res.status));
  expect(errorBody(res.json), JSON.stringify(res.json)).toBe(true);
}

describe.each(MODES)('the front (%s mode)', (_mode, stateful) => {
  const started = mockPerSuite({ stateful, transitionMs: 0 });

  it.each(['json', 'text/', 'garbage', 'application/', '/json', 'text/plain'])(
    'answers a body sent with Content-Type %j with 415, and Prism lives on',
    async (type) => {
      const before = started().pid;
      const res = await raw(started().url, zonesPath, {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': type },
        body: '{"domain":"typed.example"}',
      });
      expect(res.status).toBe(415);
      expect(res.json).toEqual({ detail: `Unsupported media type "${type}" in request.`, error_code: 'unsupported_media_type', field: null });
      documented('createDnsZone', res);
      expect((await call(started().url, zonesPath)).status).toBe(200);
      expect(started().pid).toBe(before);
      expect(started().restarts).toBe(0);
    },
  );

  it('answers a path the API does not have with 404, whatever its headers', async () => {
    const res = await raw(started().url, '/api/v1/nothing-here/', {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'garbage', accept: 'garbage' },
      body: '{}',
    });
    expect(res).toMatchObject({ status: 404, json: { detail: 'Not found.', error_code: 'not_found', field: null } });
    expect(started().restarts).toBe(0);
  });

  it('ignores a malformed Content-Type on a GET and a malformed Accept anywhere, as Django does', async () => {
    for (const headers of [{ 'content-type': 'json' }, { accept: 'garbage' }, { accept: 'text/, application/json' }] as Record<string, string>[]) {
      const res = await raw(started().url, zonesPath, { headers: { authorization: `Bearer ${TOKEN}`, ...headers } });
      expect(res.status, JSON.stringify(headers)).toBe(200);
    }
    const created = await raw(started().url, zonesPath, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json; charset=utf-8', accept: '*' },
      body: '{"domain":"accept.example"}',
    });
    expect(created.status).toBe(201);
    expect(started().restarts).toBe(0);
  });

  it.each(['Bearer undefined', 'Bearer null', 'Bearer ${VPS_API_TOKEN}', 'Bearer ', 'Bearer vps_', 'Bearer', 'Token vps_test', 'vps_test'])(
    'answers %j with the operation’s 401',
    async (authorization) => {
      const res = await raw(started().url, zonesPath, { headers: { authorization } });
      expect(res.status).toBe(401);
      expect(res.json).toEqual(routes.errorBody(routes.get('listDnsZones'), 401, { detail: '' }));
      documented('listDnsZones', res);
    },
  );

  it('answers HEAD on every GET route like GET, without a body', async () => {
    const gets = routes.operations.filter((o) => o.method === 'GET');
    expect(gets.length).toBeGreaterThan(5);
    for (const op of gets) {
      const path = op.example.url.split('?')[0] ?? '';
      const get = await raw(started().url, path, { headers: { authorization: `Bearer ${TOKEN}` } });
      const head = await raw(started().url, path, { method: 'HEAD', headers: { authorization: `Bearer ${TOKEN}` } });
      expect([head.status, head.text], `HEAD ${path}`).toEqual([get.status, '']);
      expect(head.headers.get('content-type')).toBe(get.headers.get('content-type'));
    }
  });

  it('answers a method the path does not take with 405 and Allow', async () => {
    const res = await raw(started().url, zonesPath, { method: 'PUT', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, POST, HEAD');
    expect(errorBody(res.json)).toBe(true);
    const record = await raw(started().url, '/api/v1/dns-records/rec-001/', { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(record.status).toBe(405);
    expect(record.headers.get('allow')?.split(', ').sort()).toEqual(['DELETE', 'GET', 'HEAD', 'PATCH', 'PUT']);
  });

  it('answers Prefer: code=503 and code=429 with the spec’s example and Retry-After, changing nothing', async () => {
    for (const status of [503, 429]) {
      const res = await call(started().url, zonesPath, { method: 'POST', body: { domain: 'prefer.example' }, prefer: `code=${status}` });
      expect(res.status).toBe(status);
      expect(res.json).toEqual(routes.errorBody(routes.get('createDnsZone'), status, { detail: '' }));
      expect(res.headers.get('retry-after')).toBe('30');
    }
    if (stateful) expect((await call(started().url, `${zonesPath}?domain=prefer.example`)).json).toEqual([]);
  });

  it('answers GET and HEAD /_mock/health without a token once it can answer', async () => {
    expect(await raw(started().url, '/_mock/health')).toMatchObject({ status: 200, json: { status: 'ok', stateful } });
    expect((await raw(started().url, '/_mock/health', { method: 'HEAD' })).status).toBe(200);
    const post = await raw(started().url, '/_mock/health', { method: 'POST' });
    expect([post.status, post.headers.get('allow')]).toEqual([405, 'GET, HEAD']);
  });
});

describe('the front in stateful mode, behind a CI service proxy', () => {
  const started = mockPerSuite({ stateful: true, transitionMs: 0 });

  it('keeps X-Forwarded-Host and X-Forwarded-Proto in next and previous', async () => {
    const body = { name: 'paged', plan_id: 1, os_id: 5, location: 'us-west' };
    for (let i = 0; i < 21; i++) expect((await call(started().url, '/api/v1/servers/', { method: 'POST', body })).status).toBe(201);
    const headers = { authorization: `Bearer ${TOKEN}`, 'x-forwarded-host': 'mock.ci.internal:8443', 'x-forwarded-proto': 'https' };
    const first = await raw(started().url, '/api/v1/servers/?location=us-west', { headers });
    expect(first.json.next).toBe('https://mock.ci.internal:8443/api/v1/servers/?location=us-west&page=2');
    const second = await raw(started().url, '/api/v1/servers/?location=us-west&page=2', { headers });
    expect(second.json.previous).toBe('https://mock.ci.internal:8443/api/v1/servers/?location=us-west');
    // Without them, links point where the client called.
    expect((await call(started().url, '/api/v1/servers/')).json.next).toBe(`${started().url}/api/v1/servers/?page=2`);
  });
});
