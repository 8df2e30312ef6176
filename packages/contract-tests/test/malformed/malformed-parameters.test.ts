// A malformed value for every parameter (path, query, body) of every operation, in both modes of the mock: every
// answer has a status its operation documents and a body valid for that status. Operations, parameters and
// statuses come from the operation model.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mockUrl, TOKEN } from '../support/client.js';
import { checkResponse } from '../support/recorder.js';
import { operations, requestExample, operation, type SpecOperation } from '../support/spec.js';
import { fileToken, resetState, statefulUrl } from '../stateful/stateful-client.js';
import { caseUrl, malformedCases } from './malformed-values.js';

const statefulToken = fileToken('malformed');

/** Ids that exist in the stateful mock, by the resource whose path parameter they fill. */
const existing: Record<string, Record<string, string>> = {};

beforeAll(async () => {
  await resetState(statefulToken);
  const post = async (path: string, body: unknown) => {
    const response = await fetch(statefulUrl() + path, {
      method: 'POST',
      headers: { authorization: `Bearer ${statefulToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (response.status !== 201) throw new Error(`setup: POST ${path} answered ${response.status}`);
    return (await response.json()) as Record<string, unknown>;
  };
  const server = await post(operation('createServer').path, requestExample(operation('createServer')));
  const zone = await post(operation('createDnsZone').path, { domain: 'malformed.example' });
  const recordPath = operation('createDnsZoneRecord').path.replace(/\{[^}]+\}/, String(zone.uuid));
  const record = await post(recordPath, requestExample(operation('createDnsZoneRecord')));
  const ids = { servers: String(server.id), dnsZones: String(zone.uuid), dnsRecords: String(record.uuid) };
  for (const op of operations) {
    const id = ids[op.resource as keyof typeof ids];
    existing[op.operationId] = Object.fromEntries(op.pathParams.map((p) => [p.name, id ?? String(op.example.pathParams[p.name])]));
  }
});
afterAll(() => resetState(statefulToken));

const modes = [
  { mode: 'stateless', url: () => mockUrl(), token: TOKEN, ids: (op: SpecOperation) => Object.fromEntries(Object.entries(op.example.pathParams).map(([k, v]) => [k, String(v)])) },
  { mode: 'stateful', url: () => statefulUrl(), token: statefulToken, ids: (op: SpecOperation) => existing[op.operationId] ?? {} },
];

describe.each(modes)('$mode mock', ({ url, token, ids }) => {
  it.each(operations.map((op) => [op.operationId, op] as const))('%s answers every malformed parameter with a documented status and body', async (_id, op) => {
    const cases = malformedCases(op, { pathValues: ids(op) });
    expect(cases.length, `${op.operationId} has parameters or a body to malform`).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const c of cases) {
      const target = caseUrl(op, c);
      const response = await fetch(url() + target, {
        method: op.method,
        headers: { authorization: `Bearer ${token}`, ...(c.body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: c.body,
      });
      const text = await response.text();
      const { problems: found } = checkResponse(op.method, new URL(url() + target).pathname, response.status, response.headers.get('content-type'), text);
      // A malformed path id must be answered by the operation (404), not by another one's route.
      const checked = found.length || !c.what.startsWith('path') ? found : response.status === 404 ? [] : [`a malformed id answered ${response.status}`];
      for (const p of checked) problems.push(`${c.what}: ${op.method} ${target.slice(0, 80)} -> ${p}`);
    }
    expect(problems).toEqual([]);
  });
});
