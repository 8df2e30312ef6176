// The fake in-process: its handler called with Requests, no port and no Prism. Every answer's body is checked
// against the spec's schema for its operation and status.
import { createSpecValidator, namedExamples } from '@vps-org/openapi';
import { describe, expect, it } from 'vitest';
import { bundledRoutes } from '../routes.js';
import { createFake } from './fake.js';
import { PAGE_SIZE } from './servers.js';

const routes = bundledRoutes();
const validator = createSpecValidator(routes.spec);
const BASE = 'http://fake.test';

/** A caller of `handler` with one bearer token; every answer is checked against the spec before it is returned. */
function caller(handler: (request: Request) => Promise<Response>, token: string | null = 'vps_unit_a') {
  return async (method: string, path: string, body?: unknown) => {
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await handler(
      new Request(BASE + path, { method, headers, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) }),
    );
    const text = await response.text();
    const json = text ? JSON.parse(text) : undefined;
    const match = routes.match(method, new URL(BASE + path).pathname);
    const op = match?.op ?? match?.any;
    const documented = op?.statuses.includes(String(response.status));
    // A status the spec does not document yet (e.g. DRF's 404 "Invalid page.") still carries the API's error body.
    const validate = op && documented ? validator.response(op.operationId, response.status) : validator.schema('ApiErrorBody');
    if (response.status === 204) expect(text).toBe('');
    else expect(validate?.(json), `${method} ${path} -> ${response.status} ${text}: ${JSON.stringify(validate?.errors)}`).toBe(true);
    return { status: response.status, json };
  };
}

const example = (operationId: string): Record<string, unknown> => structuredClone(routes.get(operationId).example.body as Record<string, unknown>);

describe('servers', () => {
  it('create answers provisioning with no address; after the transition the server is active with an IPv4 address', async () => {
    let now = Date.parse('2026-01-01T00:00:00Z');
    const call = caller(createFake({ transitionMs: 2000, clock: () => now }).handler);
    const created = await call('POST', '/api/v1/servers/', example('createServer'));
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ status: 'provisioning', ip_address: null, name: example('createServer').name });

    now += 1999;
    expect((await call('GET', `/api/v1/servers/${created.json.id}/`)).json.status).toBe('provisioning');
    now += 1;
    const active = await call('GET', `/api/v1/servers/${created.json.id}/`);
    expect(active.json.status).toBe('active');
    expect(active.json.ip_address).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  it('start, stop and reboot go through their transitional status; start on a running and stop on a stopped server are 400', async () => {
    let now = 0;
    const call = caller(createFake({ transitionMs: 10, clock: () => now }).handler);
    const { json: server } = await call('POST', '/api/v1/servers/', example('createServer'));
    const at = (action: string) => `/api/v1/servers/${server.id}/${action}/`;
    const provisioning = { status: 400, json: { detail: 'Server is provisioning.', error_code: 'invalid_state', field: null } };
    expect(await call('POST', at('start'))).toEqual(provisioning);
    expect(await call('POST', at('stop'))).toEqual(provisioning);
    now += 10;

    const startOp = routes.get('startServer');
    const running = await call('POST', at('start'));
    expect(running).toEqual({ status: 400, json: namedExamples(routes.spec, startOp, 400).ErrorServerAlreadyRunning });

    expect((await call('POST', at('stop'))).json).toMatchObject({ status: 'success', server: { id: server.id, status: 'stopping' } });
    expect((await call('GET', `/api/v1/servers/${server.id}/`)).json.status).toBe('stopping');
    now += 10;
    expect((await call('GET', `/api/v1/servers/${server.id}/`)).json.status).toBe('stopped');
    const stopped = await call('POST', at('stop'));
    expect(stopped).toEqual({ status: 400, json: namedExamples(routes.spec, routes.get('stopServer'), 400).ErrorServerNotRunning });

    expect((await call('POST', at('start'))).json.server.status).toBe('starting');
    now += 10;
    expect((await call('POST', at('reboot'))).json.server.status).toBe('rebooting');
    expect((await call('GET', `/api/v1/servers/${server.id}/`)).json.status).toBe('rebooting');
    now += 10;
    expect((await call('GET', `/api/v1/servers/${server.id}/`)).json.status).toBe('active');
  });

  it('PUT replaces and PATCH changes only what it says; DELETE answers 204 and the server is 404 after', async () => {
    const call = caller(createFake({ transitionMs: 0 }).handler);
    const { json: server } = await call('POST', '/api/v1/servers/', { ...example('createServer'), backups_enabled: true });
    const path = `/api/v1/servers/${server.id}/`;
    const put = await call('PUT', path, { name: 'renamed', hostname: 'renamed.example.com', backups_enabled: false });
    expect(put.json).toMatchObject({ name: 'renamed', hostname: 'renamed.example.com', backups_enabled: false });
    const patched = await call('PATCH', path, { name: 'patched' });
    expect(patched.json).toMatchObject({ name: 'patched', hostname: 'renamed.example.com', backups_enabled: false });

    expect(await call('DELETE', path)).toEqual({ status: 204, json: undefined });
    const gone = await call('GET', path);
    expect(gone).toEqual({ status: 404, json: namedExamples(routes.spec, routes.get('getServer'), 404).ErrorServerNotFound });
    expect((await call('DELETE', path)).status).toBe(404);
  });

  it('lists filtered by status and location, in DRF pages with absolute next and previous, and 404 past the end', async () => {
    let now = 0;
    const call = caller(createFake({ transitionMs: 5, clock: () => now }).handler);
    const total = PAGE_SIZE * 2 + 3;
    for (let i = 0; i < total; i++) {
      await call('POST', '/api/v1/servers/', { ...example('createServer'), name: `s-${i}`, location: i % 2 ? 'us-east' : 'us-west' });
    }
    const first = await call('GET', '/api/v1/servers/?location=us-west');
    expect(first.json.count).toBe(Math.ceil(total / 2));
    expect(first.json.results).toHaveLength(PAGE_SIZE);
    expect(first.json.previous).toBeNull();
    expect(first.json.next).toBe(`${BASE}/api/v1/servers/?location=us-west&page=2`);
    const second = await call('GET', '/api/v1/servers/?location=us-west&page=2');
    expect(second.json.previous).toBe(`${BASE}/api/v1/servers/?location=us-west`);
    expect(second.json.next).toBeNull();
    expect(second.json.results.every((s: { location: string }) => s.location === 'us-west')).toBe(true);

    const past = await call('GET', '/api/v1/servers/?location=us-west&page=3');
    expect(past).toEqual({ status: 404, json: { detail: 'Invalid page.', error_code: 'not_found', field: null } });

    expect((await call('GET', '/api/v1/servers/?status=active')).json.count).toBe(0);
    now += 5;
    expect((await call('GET', '/api/v1/servers/?status=active')).json.count).toBe(total);
  });
});

describe('DNS', () => {
  it('zones are unique by domain, records live in their zone, and deleting the zone deletes its records', async () => {
    const call = caller(createFake().handler);
    const zone = await call('POST', '/api/v1/dns-zones/', { domain: 'example.org' });
    expect(zone).toMatchObject({ status: 201, json: { domain: 'example.org', record_count: 0, records: [] } });
    const duplicate = await call('POST', '/api/v1/dns-zones/', { domain: 'Example.ORG' });
    expect(duplicate).toMatchObject({ status: 400, json: { error_code: 'validation_error', field: 'domain' } });

    const records = `/api/v1/dns-zones/${zone.json.uuid}/records/`;
    const a = await call('POST', records, { record_type: 'A', name: 'www', value: '192.0.2.7' });
    const mx = await call('POST', records, { record_type: 'MX', name: '@', value: 'mail.example.org', priority: 0 });
    expect(a.json).toMatchObject({ record_type: 'A', ttl: 3600, priority: null });
    expect(mx.json).toMatchObject({ record_type: 'MX', priority: 0 });
    expect((await call('GET', `/api/v1/dns-zones/${zone.json.uuid}/`)).json).toMatchObject({ record_count: 2, records: [a.json, mx.json] });
    expect((await call('GET', records)).json).toEqual([a.json, mx.json]);

    expect((await call('DELETE', `/api/v1/dns-zones/${zone.json.uuid}/`)).status).toBe(204);
    expect((await call('GET', `/api/v1/dns-records/${a.json.uuid}/`)).status).toBe(404);
    expect((await call('GET', `/api/v1/dns-zones/${zone.json.uuid}/`)).status).toBe(404);
    expect((await call('GET', '/api/v1/dns-records/')).json).toEqual([]);
    // The domain is free again.
    expect((await call('POST', '/api/v1/dns-zones/', { domain: 'example.org' })).status).toBe(201);
  });

  it('holds the record rules: MX and SRV need priority, A is IPv4, AAAA IPv6, and PATCH checks the result', async () => {
    const call = caller(createFake().handler);
    const { json: zone } = await call('POST', '/api/v1/dns-zones/', { domain: 'rules.example' });
    const records = `/api/v1/dns-zones/${zone.uuid}/records/`;
    const refusals = [
      [{ record_type: 'MX', name: '@', value: 'mail.rules.example' }, 'priority', 'MX records require a priority value'],
      [{ record_type: 'SRV', name: '_sip._tcp', value: '10 5060 sip.rules.example' }, 'priority', 'SRV records require a priority value'],
      [{ record_type: 'A', name: '@', value: '2001:db8::1' }, 'value'],
      [{ record_type: 'AAAA', name: '@', value: '192.0.2.1' }, 'value'],
      [{ record_type: 'SPF', name: '@', value: 'v=spf1' }, 'record_type'],
    ];
    for (const [body, field, detail] of refusals) {
      const res = await call('POST', records, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json).toMatchObject({ error_code: 'validation_error', field, ...(detail ? { detail } : {}) });
    }
    expect((await call('POST', records, '{"record_type":')).json).toMatchObject({ error_code: 'parse_error' });
    expect((await call('GET', records)).json).toEqual([]);

    const { json: mx } = await call('POST', records, { record_type: 'MX', name: '@', value: 'mail.rules.example', priority: 5 });
    const path = `/api/v1/dns-records/${mx.uuid}/`;
    expect((await call('PATCH', path, { ttl: 60 })).json).toMatchObject({ ttl: 60, priority: 5, value: 'mail.rules.example' });
    expect((await call('PATCH', path, { priority: null })).json).toMatchObject({ field: 'priority' });
    expect((await call('PATCH', path, { record_type: 'A' })).json).toMatchObject({ field: 'value' });
    const asA = await call('PATCH', path, { record_type: 'A', value: '192.0.2.9' });
    expect(asA.json).toMatchObject({ record_type: 'A', value: '192.0.2.9', priority: null });
    const put = await call('PUT', path, { record_type: 'TXT', name: 'txt', value: 'v=spf1 -all', ttl: 300 });
    expect(put.json).toMatchObject({ uuid: mx.uuid, record_type: 'TXT', name: 'txt', ttl: 300, priority: null });
    expect((await call('GET', path)).json).toEqual(put.json);
  });

  it('GET /dns-records/ filters by zone and record_type', async () => {
    const call = caller(createFake().handler);
    const one = (await call('POST', '/api/v1/dns-zones/', { domain: 'one.example' })).json.uuid;
    const two = (await call('POST', '/api/v1/dns-zones/', { domain: 'two.example' })).json.uuid;
    await call('POST', `/api/v1/dns-zones/${one}/records/`, { record_type: 'A', name: 'a', value: '192.0.2.1' });
    await call('POST', `/api/v1/dns-zones/${one}/records/`, { record_type: 'TXT', name: 't', value: 'hello' });
    await call('POST', `/api/v1/dns-zones/${two}/records/`, { record_type: 'A', name: 'a', value: '192.0.2.2' });
    const values = async (query: string) =>
      (await call('GET', `/api/v1/dns-records/${query}`)).json.map((r: { value: string }) => r.value).sort();
    expect(await values('')).toEqual(['192.0.2.1', '192.0.2.2', 'hello']);
    expect(await values(`?zone=${one}`)).toEqual(['192.0.2.1', 'hello']);
    expect(await values('?record_type=A')).toEqual(['192.0.2.1', '192.0.2.2']);
    expect(await values(`?zone=${two}&record_type=TXT`)).toEqual([]);
    expect((await call('GET', '/api/v1/dns-records/?record_type=SPF')).json).toMatchObject({ field: 'record_type' });
  });

  it('200 concurrent record creates in one zone lose nothing and duplicate no uuid', async () => {
    const call = caller(createFake().handler);
    const { json: zone } = await call('POST', '/api/v1/dns-zones/', { domain: 'busy.example' });
    const created = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        call('POST', `/api/v1/dns-zones/${zone.uuid}/records/`, { record_type: 'TXT', name: `r${i}`, value: `v${i}` }),
      ),
    );
    expect(created.every((r) => r.status === 201)).toBe(true);
    expect(new Set(created.map((r) => r.json.uuid)).size).toBe(200);
    const listed = (await call('GET', `/api/v1/dns-zones/${zone.uuid}/records/`)).json;
    expect(listed.map((r: { name: string }) => r.name).sort()).toEqual(created.map((r) => r.json.name).sort());
  });
});

describe('ids, tokens and reset', () => {
  it('answers malformed and unknown ids with the documented 404 and the spec error body', async () => {
    const call = caller(createFake().handler);
    const serverNotFound = namedExamples(routes.spec, routes.get('getServer'), 404).ErrorServerNotFound;
    const zoneNotFound = namedExamples(routes.spec, routes.get('getDnsZone'), 404).ErrorZoneNotFound;
    for (const id of ['abc', '0', '-1', '1.5', '99999999999999999999', '%ZZ']) {
      expect(await call('GET', `/api/v1/servers/${id}/`), id).toEqual({ status: 404, json: serverNotFound });
    }
    expect(await call('POST', '/api/v1/servers/abc/start/')).toEqual({ status: 404, json: serverNotFound });
    expect(await call('GET', '/api/v1/servers/424242/')).toEqual({ status: 404, json: serverNotFound });
    expect(await call('GET', '/api/v1/dns-zones/not_a%20uuid/')).toEqual({ status: 404, json: zoneNotFound });
    expect(await call('GET', '/api/v1/dns-zones/0000-unknown/records/')).toEqual({ status: 404, json: zoneNotFound });
  });

  it('keeps state per bearer token, refuses a request without one, and POST /_mock/reset empties only the caller’s', async () => {
    const { handler } = createFake();
    const alice = caller(handler, 'vps_alice');
    const bob = caller(handler, 'vps_bob');
    const { json: zone } = await alice('POST', '/api/v1/dns-zones/', { domain: 'alice.example' });
    await bob('POST', '/api/v1/dns-zones/', { domain: 'bob.example' });
    expect((await alice('GET', '/api/v1/dns-zones/')).json.map((z: { domain: string }) => z.domain)).toEqual(['alice.example']);
    expect((await bob('GET', `/api/v1/dns-zones/${zone.uuid}/`)).status).toBe(404);
    // Bob may create the same domain: uniqueness is per account.
    expect((await bob('POST', '/api/v1/dns-zones/', { domain: 'alice.example' })).status).toBe(201);

    const anonymous = await caller(handler, null)('GET', '/api/v1/dns-zones/');
    expect(anonymous).toEqual({ status: 401, json: namedExamples(routes.spec, routes.get('listDnsZones'), 401).ErrorInvalidToken });

    const reset = await handler(new Request(`${BASE}/_mock/reset`, { method: 'POST', headers: { authorization: 'Bearer vps_alice' } }));
    expect(reset.status).toBe(204);
    expect((await alice('GET', '/api/v1/dns-zones/')).json).toEqual([]);
    expect((await bob('GET', '/api/v1/dns-zones/')).json).toHaveLength(2);
    // Without a token nothing is emptied; every account only on an explicit ?all=true.
    expect((await handler(new Request(`${BASE}/_mock/reset`, { method: 'POST' }))).status).toBe(401);
    expect((await bob('GET', '/api/v1/dns-zones/')).json).toHaveLength(2);
    await handler(new Request(`${BASE}/_mock/reset?all=true`, { method: 'POST' }));
    expect((await bob('GET', '/api/v1/dns-zones/')).json).toEqual([]);
  });
});
