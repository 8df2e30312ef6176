// The fake where CI tests look, in-process: the vendor's plans and systems, ids that never repeat, reset that needs
// a token (or an explicit ?all=true), seed and state, errors on demand, and a server's status set by hand.
import { createSpecValidator } from '@vps-org/openapi';
import { describe, expect, it } from 'vitest';
import { mockApi } from '../mock-api.js';
import { bundledRoutes } from '../routes.js';
import { createFake } from './fake.js';
import { SeedError } from './state.js';

const routes = bundledRoutes();
const validator = createSpecValidator(routes.spec);
const base = 'http://fake.test';

/** A request to a fake's handler. */
function client(fake: { handler: (r: Request) => Promise<Response> }, token = 'vps_control') {
  return async (path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) => {
    const headers: Record<string, string> = { ...(token ? { authorization: `Bearer ${token}` } : {}), ...init.headers };
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    const res = await fake.handler(new Request(base + path, { method: init.method ?? 'GET', headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) }));
    const text = await res.text();
    return { status: res.status, headers: res.headers, json: text ? JSON.parse(text) : undefined };
  };
}

const server = { name: 'web', plan_id: 2, os_id: 3, location: 'us-east' };

/** Checks an answer against the operation's documented response schema. */
function valid(operationId: string, res: { status: number; json: unknown }) {
  const validate = validator.response(operationId, res.status);
  expect(validate, `${operationId} documents ${res.status}`).toBeDefined();
  expect(validate?.(res.json), JSON.stringify(validate?.errors)).toBe(true);
}

describe('servers', () => {
  it('have the plans and operating systems of the vendor’s page', async () => {
    const call = client(createFake({ transitionMs: 0 }));
    const created = await call('/api/v1/servers/', { method: 'POST', body: server });
    valid('createServer', created);
    expect(created.json).toMatchObject({ plan: { id: 2, name: 'Performance VPS', vcpus: 4, memory: 8192, storage: 160 }, os: { id: 3, name: 'Debian 12' } });
    const ubuntu = await call('/api/v1/servers/', { method: 'POST', body: { ...server, plan_id: 1, os_id: 5, location: 'us-west' } });
    expect(ubuntu.json).toMatchObject({ plan: { name: 'Standard VPS' }, os: { name: 'Ubuntu 22.04 LTS' } });
    valid('getServer', await call(`/api/v1/servers/${created.json.id}/`));
  });

  it.each([
    ['plan_id', 99, 'Invalid pk "99" - object does not exist.'],
    ['os_id', 7, 'Invalid pk "7" - object does not exist.'],
    ['location', 'mars-1', '"mars-1" is not a valid choice.'],
  ])('refuses an unknown %s with the documented 400 naming it', async (field, value, detail) => {
    const fake = createFake({ transitionMs: 0 });
    const call = client(fake);
    const res = await call('/api/v1/servers/', { method: 'POST', body: { ...server, [field]: value } });
    expect(res).toMatchObject({ status: 400, json: { detail, error_code: 'validation_error', field } });
    valid('createServer', res);
    expect((await call('/api/v1/servers/')).json.count).toBe(0);
  });

  it('never get an id twice, across tokens and resets', async () => {
    const fake = createFake({ transitionMs: 0 });
    const one = client(fake, 'vps_one');
    const two = client(fake, 'vps_two');
    const ids = [];
    ids.push((await one('/api/v1/servers/', { method: 'POST', body: server })).json.id);
    ids.push((await two('/api/v1/servers/', { method: 'POST', body: server })).json.id);
    expect((await one('/_mock/reset', { method: 'POST' })).status).toBe(204);
    ids.push((await one('/api/v1/servers/', { method: 'POST', body: server })).json.id);
    expect((await one('/_mock/reset?all=true', { method: 'POST' })).status).toBe(204);
    ids.push((await two('/api/v1/servers/', { method: 'POST', body: server })).json.id);
    expect(ids).toEqual([1, 2, 3, 4]);
  });
});

describe('tokens and reset', () => {
  it.each(['Bearer undefined', 'Bearer null', 'Bearer ${VPS_API_TOKEN}', 'Bearer ', 'Bearer vps_'])('answers %j with the 401 example', async (authorization) => {
    const res = await client(createFake(), '')('/api/v1/dns-zones/', { headers: { authorization } });
    expect(res.status).toBe(401);
    valid('listDnsZones', res);
  });

  it('refuses a reset without a valid token, and empties every account only with ?all=true', async () => {
    const fake = createFake({ transitionMs: 0 });
    const alice = client(fake, 'vps_alice');
    const bob = client(fake, 'vps_bob');
    await alice('/api/v1/dns-zones/', { method: 'POST', body: { domain: 'alice.example' } });
    await bob('/api/v1/dns-zones/', { method: 'POST', body: { domain: 'bob.example' } });
    for (const authorization of ['', 'Bearer undefined', 'Bearer ']) {
      const res = await client(fake, '')('/_mock/reset', { method: 'POST', headers: authorization ? { authorization } : {} });
      expect(res).toMatchObject({ status: 401, json: { error_code: 'not_authenticated' } });
    }
    expect((await alice('/api/v1/dns-zones/')).json).toHaveLength(1);
    expect((await alice('/_mock/reset', { method: 'POST' })).status).toBe(204);
    expect([(await alice('/api/v1/dns-zones/')).json.length, (await bob('/api/v1/dns-zones/')).json.length]).toEqual([0, 1]);
    expect((await client(fake, '')('/_mock/reset?all=true', { method: 'POST' })).status).toBe(204);
    expect((await bob('/api/v1/dns-zones/')).json).toEqual([]);
    const get = await alice('/_mock/reset');
    expect([get.status, get.headers.get('allow')]).toEqual([405, 'POST']);
  });
});

describe('errors on demand', () => {
  it.each([429, 402, 403, 500, 503])('Prefer: code=%i answers the spec’s example and changes nothing', async (status) => {
    const fake = createFake({ transitionMs: 0 });
    const call = client(fake);
    const operationId = status === 402 ? 'createServer' : status === 403 ? 'createDnsZone' : 'createServer';
    const path = operationId === 'createServer' ? '/api/v1/servers/' : '/api/v1/dns-zones/';
    const body = operationId === 'createServer' ? server : { domain: 'prefer.example' };
    const res = await call(path, { method: 'POST', body, headers: { prefer: `code=${status}` } });
    expect(res.status).toBe(status);
    expect(res.json).toEqual(routes.errorBody(routes.get(operationId), status, { detail: '' }));
    valid(operationId, res);
    if (status === 429 || status === 503) expect(res.headers.get('retry-after')).toBe('30');
    const state = await call('/_mock/state');
    expect(state.json.accounts.vps_control).toEqual({ servers: [], zones: [] });
  });

  it('Prefer: example= picks a named example; a status the operation does not document is a 404 saying so', async () => {
    const call = client(createFake());
    const named = await call('/api/v1/servers/', { method: 'POST', body: server, headers: { prefer: 'code=400, example=ErrorUnknownPlan' } });
    expect(named).toMatchObject({ status: 400, json: { field: 'plan_id' } });
    const undocumented = await call('/api/v1/servers/1/', { headers: { prefer: 'code=402' } });
    expect(undocumented).toMatchObject({ status: 404, json: { detail: 'Prefer: code=402 is not a documented error answer of getServer.' } });
  });
});

describe('a server’s status set by hand', () => {
  const statusChange = mockApi().components.schemas.StatusChange;

  it('puts a server into suspended at once, and the power actions see it', async () => {
    const call = client(createFake({ transitionMs: 60_000 }));
    const { id } = (await call('/api/v1/servers/', { method: 'POST', body: server })).json;
    const suspended = await call(`/_mock/servers/${id}/status`, { method: 'POST', body: { status: 'suspended' } });
    expect(suspended).toMatchObject({ status: 200, json: { id, status: 'suspended' } });
    valid('getServer', suspended);
    expect((await call(`/api/v1/servers/${id}/`)).json.status).toBe('suspended');
    expect((await call(`/api/v1/servers/${id}/start/`, { method: 'POST' })).json).toMatchObject({ detail: 'Server is suspended.' });
    expect(statusChange.properties.status.enum).toContain('suspended');
  });

  it('finishes a transition at once, or makes it fail back where it came from', async () => {
    const call = client(createFake({ transitionMs: 60_000 }));
    const { id } = (await call('/api/v1/servers/', { method: 'POST', body: server })).json;
    expect((await call(`/api/v1/servers/${id}/`)).json.status).toBe('provisioning');
    const finished = await call(`/_mock/servers/${id}/status`, { method: 'POST', body: { transition: 'finish' } });
    expect(finished.json).toMatchObject({ status: 'active', ip_address: expect.stringMatching(/^198\.1[89]\./) });
    await call(`/api/v1/servers/${id}/stop/`, { method: 'POST' });
    expect((await call(`/api/v1/servers/${id}/`)).json.status).toBe('stopping');
    const failed = await call(`/_mock/servers/${id}/status`, { method: 'POST', body: { transition: 'fail' } });
    expect(failed.json.status).toBe('active');
    const none = await call(`/_mock/servers/${id}/status`, { method: 'POST', body: { transition: 'finish' } });
    expect(none).toMatchObject({ status: 400, json: { field: 'transition' } });
  });

  it('refuses what is not a change, and a server of another token', async () => {
    const fake = createFake({ transitionMs: 0 });
    const call = client(fake);
    const { id } = (await call('/api/v1/servers/', { method: 'POST', body: server })).json;
    expect(await call(`/_mock/servers/${id}/status`, { method: 'POST', body: { status: 'on fire' } })).toMatchObject({ status: 400, json: { field: 'status' } });
    expect(await call(`/_mock/servers/${id}/status`, { method: 'POST', body: { status: 'active', transition: 'finish' } })).toMatchObject({ status: 400 });
    expect(await call(`/_mock/servers/${id}/status`, { method: 'POST', body: { colour: 'red' } })).toMatchObject({ status: 400, json: { field: 'colour' } });
    expect((await client(fake, 'vps_other')(`/_mock/servers/${id}/status`, { method: 'POST', body: { status: 'active' } })).status).toBe(404);
    expect((await client(fake, '')(`/_mock/servers/${id}/status`, { method: 'POST', body: { status: 'active' } })).status).toBe(401);
  });
});

describe('seed and state', () => {
  it('starts with a seed, exports the token’s state in the same format, and that export seeds an equal fake', async () => {
    const seed = {
      accounts: {
        vps_ci: {
          servers: [{ id: 40, name: 'db', plan_id: 1, os_id: 5, location: 'us-west', status: 'stopped' }, { name: 'web', plan_id: 2, os_id: 3, location: 'us-east' }],
          zones: [
            {
              domain: 'seeded.example',
              records: [
                { record_type: 'A', name: '@', value: '192.0.2.1' },
                { record_type: 'MX', name: '@', value: 'mail.seeded.example', priority: 10, ttl: 300 },
              ],
            },
          ],
        },
        vps_other: { zones: [{ domain: 'other.example' }] },
      },
    };
    const fake = createFake({ transitionMs: 0, seed });
    const call = client(fake, 'vps_ci');
    const servers = (await call('/api/v1/servers/')).json;
    valid('listServers', { status: 200, json: servers });
    expect(servers.results.map((s: { id: number; name: string; status: string }) => [s.id, s.name, s.status])).toEqual([[40, 'db', 'stopped'], [41, 'web', 'active']]);
    expect((await call('/api/v1/servers/', { method: 'POST', body: server })).json.id).toBe(42);
    const zones = (await call('/api/v1/dns-zones/')).json;
    expect(zones).toEqual([expect.objectContaining({ domain: 'seeded.example', record_count: 2 })]);
    expect((await client(fake, 'vps_other')('/api/v1/dns-zones/')).json).toEqual([expect.objectContaining({ domain: 'other.example' })]);

    const state = await call('/_mock/state');
    expect(Object.keys(state.json.accounts)).toEqual(['vps_ci']);
    const copy = createFake({ transitionMs: 0, seed: state.json });
    expect(await client(copy, 'vps_ci')('/_mock/state')).toEqual(state);
  });

  it.each([
    [{ accounts: { vps_ci: { servers: [{ name: 'x', plan_id: 9, os_id: 5, location: 'us-west' }] } } }, 'accounts.vps_ci.servers[0].plan_id'],
    [{ accounts: { vps_ci: { zones: [{ domain: 'a.example', records: [{ record_type: 'MX', name: '@', value: 'mx.a.example' }] }] } } }, 'accounts.vps_ci.zones[0].records[0].priority'],
    [{ accounts: { vps_ci: { servers: [{ name: 'x', plan_id: 1, os_id: 5 }] } } }, 'accounts.vps_ci.servers[0].location'],
    [{ accounts: { vps_ci: { zones: [], colour: 'red' } } }, 'accounts.vps_ci.colour'],
    [{ accounts: { undefined: {} } }, 'accounts'],
    [{ accounts: { vps_a: { zones: [{ domain: 'dup.example' }, { domain: 'DUP.example.' }] } } }, 'accounts.vps_a.zones[1].domain'],
  ])('refuses a seed that does not fit, naming the field: %j', (seed, field) => {
    let error;
    try {
      createFake({ seed });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SeedError);
    expect((error as SeedError).field).toBe(field);
    expect((error as SeedError).message).toContain(field);
  });
});
