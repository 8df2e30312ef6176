// What a client sees from the mock: the spec's examples, the documented statuses, bearer auth, request validation.
import { listOperations, loadSpec, namedExamples } from '@vps-org/openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock } from './index.js';
import { call } from './test-support.js';
import type { JsonObject } from '@vps-org/openapi';
import type { MockServer } from './index.js';

const spec = loadSpec();
const operations = new Map(listOperations(spec).map((op) => [op.operationId, op]));

function operation(operationId: string) {
  const op = operations.get(operationId);
  if (!op) throw new Error(`no operation ${operationId} in the spec`);
  return op;
}

/** Named JSON examples of an operation's response (or, with status 'request', of its request body). */
function examples(operationId: string, status: string): JsonObject {
  return namedExamples(spec, operation(operationId), status);
}

/** A concrete path: each `{param}` replaced by the parameter's own example. */
function pathOf(operationId: string) {
  return operation(operationId).example.url.split('?')[0] ?? '';
}

let mock: MockServer;
beforeAll(async () => {
  mock = await startMock();
});
afterAll(() => mock?.stop());

describe('default answers', () => {
  it('lists the servers with the reference example when a bearer token is given', async () => {
    const res = await call(mock.url, '/api/v1/servers/');
    expect(res.status).toBe(200);
    expect(res.json).toEqual(examples('listServers', '200').ServerList);
    // The seed page's own example, so a spec edit that drops it shows up here too.
    expect(res.json.results.map((s: { name: string }) => s.name)).toEqual(['web-server-01', 'db-server-01']);
  });

  it('answers 401 with the error example when no token is given', async () => {
    const res = await call(mock.url, '/api/v1/servers/', { auth: false });
    expect(res.status).toBe(401);
    expect(res.json).toEqual(examples('listServers', '401').ErrorInvalidToken);
  });
});

describe('Prefer header', () => {
  it('code=404 on getServer gives its 404 example', async () => {
    const res = await call(mock.url, pathOf('getServer'), { prefer: 'code=404' });
    expect(res.status).toBe(404);
    expect(res.json).toEqual(examples('getServer', '404').ErrorServerNotFound);
    expect(res.json).toMatchObject({ detail: 'Server not found.', error_code: 'not_found' });
  });

  it('example= picks a named response example of createDnsZoneRecord', async () => {
    const body = examples('createDnsZoneRecord', 'request').RecordMx;
    const post = (prefer: string) => call(mock.url, pathOf('createDnsZoneRecord'), { method: 'POST', body, prefer });
    const created = await post('example=DnsRecordCreated');
    expect(created.status).toBe(201);
    expect(created.json).toEqual(examples('createDnsZoneRecord', '201').DnsRecordCreated);

    const rejected = await post('code=400, example=ErrorMxPriority');
    expect(rejected.status).toBe(400);
    expect(rejected.json).toEqual(examples('createDnsZoneRecord', '400').ErrorMxPriority);
  });

  // `example=` looks at response examples only: the 201 response has one per record type, named as the request's.
  it(
    'example=RecordMx on createDnsZoneRecord gives the MX record',
    async () => {
      const res = await call(mock.url, pathOf('createDnsZoneRecord'), {
        method: 'POST',
        body: examples('createDnsZoneRecord', 'request').RecordMx,
        prefer: 'example=RecordMx',
      });
      expect(res.status).toBe(201);
      expect(res.json).toEqual(examples('createDnsZoneRecord', '201').RecordMx);
    },
  );
});

describe('request validation', () => {
  it("answers an MX record without priority with the operation's own 400 example", async () => {
    const { priority, ...withoutPriority } = examples('createDnsZoneRecord', 'request').RecordMx;
    expect(priority).toBeDefined();
    const res = await call(mock.url, pathOf('createDnsZoneRecord'), { method: 'POST', body: withoutPriority });
    expect(res.status).toBe(400);
    expect(res.json).toEqual(examples('createDnsZoneRecord', '400').ErrorMxPriority);
    expect(res.headers.get('sl-violations')).toContain('priority');
  });
});

describe('every documented status', () => {
  // With --errors, an example that violated its schema would come back as a 500 (or with sl-violations).
  const cases = [...operations.values()].flatMap((op) => op.statuses.map((status) => [op.operationId, status]));

  it.each(cases)('%s answers %s with its example', async (operationId, status) => {
    const op = operation(operationId);
    const [requestExample] = Object.values(examples(operationId, 'request'));
    const res = await call(mock.url, pathOf(operationId), {
      method: op.method,
      body: requestExample,
      prefer: `code=${status}`,
    });
    expect(res.status).toBe(Number(status));
    expect(res.headers.get('sl-violations')).toBeNull();
    const [expected] = Object.values(examples(operationId, status));
    if (expected === undefined) expect(res.text).toBe('');
    else expect(res.json).toEqual(expected);
  });
});
