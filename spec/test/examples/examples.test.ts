import { describe, expect, it } from 'vitest';
import { createSpecValidator, getOperation, jsonMedia, listOperations, loadSpec, resolve } from '../../src/index.js';

const spec = loadSpec();
const v = createSpecValidator(spec);
const operations = listOperations(spec);

// Every named example of every request body, response and parameter, with the schema it must satisfy.
const cases: Array<[label: string, schema: object, value: unknown]> = [];
for (const op of operations) {
  const media = ['request', ...op.statuses].map((s) => [s, jsonMedia(spec, op, s)] as const);
  for (const [where, m] of media) {
    if (!m) continue;
    for (const [name, ex] of Object.entries(m.examples ?? {})) {
      cases.push([`${op.operationId} ${where} ${name}`, m.schema, resolve(spec, ex).value]);
    }
  }
  for (const p of [...op.pathParams, ...op.queryParams]) cases.push([`${op.operationId} parameter ${p.name}`, p.schema, p.example]);
}

describe('named examples', () => {
  it('exist for every body the spec documents', () => {
    expect(cases.length).toBeGreaterThan(60);
  });

  it.each(cases)('%s validates against its schema', (_label, schema, value) => {
    const validate = v.compile(schema);
    expect(validate(value), JSON.stringify(validate.errors)).toBe(true);
  });

  it('the validator is not a rubber stamp: a wrong example fails', () => {
    expect(v.response('getServer', 200)!({ id: 'not-a-number' })).toBe(false);
  });
});

describe('identifiers as the reference writes them', () => {
  const param = (operationId: string, name: string) =>
    v.compile([...getOperation(operationId, operations).pathParams, ...getOperation(operationId, operations).queryParams].find((p) => p.name === name)!.schema);
  it.each(['abc123-def456-ghi789', 'xyz789-uvw456-rst123', 'new-zone-uuid'])('zone uuid %s is accepted', (id) => {
    expect(param('getDnsZone', 'uuid')(id)).toBe(true);
  });
  it.each(['rec-001', 'rec-002'])('record uuid %s is accepted', (id) => {
    expect(param('getDnsRecord', 'uuid')(id)).toBe(true);
  });
  it('server id 12345 is accepted and "abc" is not', () => {
    expect(param('getServer', 'server_id')(12345)).toBe(true);
    expect(param('getServer', 'server_id')('abc')).toBe(false);
  });
});
