// Every /_mock/ route through the real mock (front, Prism, fake), each answer checked against the routes' own
// OpenAPI document (src/mock-api.json), and every route of that document exercised here.
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock } from './index.js';
import { mockApi } from './mock-api.js';
import { call, TOKEN } from './test-support.js';
import type { MockServer } from './index.js';

const doc = mockApi();
const ajv = new Ajv2020({ strict: false });
// ajv-formats is CommonJS: its default import is the plugin at run time, though NodeNext types it as the module.
(addFormats as unknown as (ajv: Ajv2020) => unknown)(ajv);
ajv.addSchema({ ...doc, $id: 'mock-api' });

const exercised: Set<string> = new Set();

/**
 * Checks an answer against the document: the status is listed for the route, and the body fits its schema.
 * @param path the document's path template
 */
function fits(path: string, method: string, res: { status: number; json: unknown; headers: Headers }) {
  exercised.add(`${method} ${path}`);
  let response = doc.paths[path]?.[method]?.responses?.[String(res.status)];
  expect(response, `${method} ${path} documents ${res.status}`).toBeDefined();
  if (response.$ref) response = doc.components.responses[response.$ref.split('/').pop()];
  const schema = response.content?.['application/json']?.schema;
  if (!schema) return expect(res.json).toBeUndefined();
  const validate = ajv.compile({ $ref: schema.$ref ? `mock-api${schema.$ref}` : undefined, ...(schema.$ref ? {} : schema) });
  expect(validate(res.json), JSON.stringify(validate.errors)).toBe(true);
  for (const [name, header] of Object.entries<{ required?: boolean }>(response.headers ?? {})) {
    if (header.required) expect(res.headers.get(name), name).not.toBeNull();
  }
}

let mock: MockServer;
beforeAll(async () => {
  mock = await startMock({ stateful: true, transitionMs: 0 });
});
afterAll(() => mock?.stop());

describe('the /_mock/ routes', () => {
  it('GET /_mock/health: 200 without a token once ready', async () => {
    const res = await call(mock.url, '/_mock/health', { auth: false });
    expect(res.json).toEqual({ status: 'ok', stateful: true });
    fits('/_mock/health', 'get', res);
  });

  it('GET and DELETE /_mock/requests: the token’s requests, secrets redacted, emptied on demand', async () => {
    fits('/_mock/requests', 'delete', await call(mock.url, '/_mock/requests', { method: 'DELETE' }));
    const zone = await call(mock.url, '/api/v1/dns-zones/', { method: 'POST', body: { domain: 'journal.example' } });
    const records = `/api/v1/dns-zones/${zone.json.uuid}/records/`;
    await call(mock.url, records, { method: 'POST', body: { record_type: 'TXT', name: '@', value: `api-key=${TOKEN}` } });
    await call(mock.url, '/api/v1/servers/?status=active&page=1');
    await call(mock.url, '/api/v1/dns-zones/', { auth: false });

    const res = await call(mock.url, '/_mock/requests');
    fits('/_mock/requests', 'get', res);
    expect(res.json.results.map((e: { method: string; path: string; status: number }) => [e.method, e.path, e.status])).toEqual([
      ['POST', '/api/v1/dns-zones/', 201],
      ['POST', records, 201],
      ['GET', '/api/v1/servers/', 200],
    ]);
    expect(res.json.results[0].body).toEqual({ domain: 'journal.example' });
    expect(res.json.results[1].body).toEqual({ record_type: 'TXT', name: '@', value: 'api-key=[redacted]' });
    expect(res.json.results[2].query).toEqual({ status: 'active', page: '1' });
    expect(res.text).not.toContain(TOKEN);

    // Another token sees only its own.
    const other = await fetch(`${mock.url}/_mock/requests`, { headers: { authorization: 'Bearer vps_someone_else' } });
    expect((await other.json()).count).toBe(0);
    fits('/_mock/requests', 'get', await call(mock.url, '/_mock/requests', { auth: false }));

    expect((await call(mock.url, '/_mock/requests', { method: 'DELETE' })).status).toBe(204);
    expect((await call(mock.url, '/_mock/requests')).json).toEqual({ count: 0, results: [] });
  });

  it('POST /_mock/reset: 204 with a token, 401 without', async () => {
    fits('/_mock/reset', 'post', await call(mock.url, '/_mock/reset', { method: 'POST' }));
    fits('/_mock/reset', 'post', await call(mock.url, '/_mock/reset', { method: 'POST', auth: false }));
  });

  it('GET /_mock/state: the token’s account as a seed', async () => {
    await call(mock.url, '/_mock/reset', { method: 'POST' });
    await call(mock.url, '/api/v1/servers/', { method: 'POST', body: { name: 'state', plan_id: 1, os_id: 5, location: 'us-west' } });
    const res = await call(mock.url, '/_mock/state');
    fits('/_mock/state', 'get', res);
    expect(res.json.accounts[TOKEN].servers).toEqual([expect.objectContaining({ name: 'state', status: 'active' })]);
    fits('/_mock/state', 'get', await call(mock.url, '/_mock/state', { auth: false }));
  });

  it('POST /_mock/servers/{server_id}/status: a status set by hand, validated by Prism on the next read', async () => {
    const created = await call(mock.url, '/api/v1/servers/', { method: 'POST', body: { name: 'suspend-me', plan_id: 2, os_id: 3, location: 'us-east' } });
    const path = `/_mock/servers/${created.json.id}/status`;
    const res = await call(mock.url, path, { method: 'POST', body: { status: 'suspended' } });
    fits('/_mock/servers/{server_id}/status', 'post', res);
    expect((await call(mock.url, `/api/v1/servers/${created.json.id}/`)).json.status).toBe('suspended');
    fits('/_mock/servers/{server_id}/status', 'post', await call(mock.url, path, { method: 'POST', body: { status: 'gone' } }));
    fits('/_mock/servers/{server_id}/status', 'post', await call(mock.url, '/_mock/servers/999999/status', { method: 'POST', body: { status: 'active' } }));
    fits('/_mock/servers/{server_id}/status', 'post', await call(mock.url, path, { method: 'POST', body: { status: 'active' }, auth: false }));
    expect(mock.violations).toEqual([]);
  });

  it('covers every route of the document', () => {
    const documented = Object.entries(doc.paths).flatMap(([path, item]) => Object.keys(item as object).map((method) => `${method} ${path}`));
    expect([...exercised].sort()).toEqual(documented.sort());
  });
});
