// For every record type, the spec's schema, the client's types and the mock accept and refuse the same bodies.
// The mock is the shared stateless Prism of the global setup: a body it accepts gets 201 (create) or 200 (PUT), one it
// refuses gets the operation's 400.
import { describe, expect, it } from 'vitest';
import { mockUrl, TOKEN } from '../support/client.js';
import { exampleArguments, fillPath, operation, validator } from '../support/spec.js';
import { RECORD_CASES, SAMPLES } from './record-bodies.js';
import { typesAccept } from './record-types.js';

const create = operation('createDnsZoneRecord');
const update = operation('updateDnsRecord');
const types = typesAccept(RECORD_CASES.map((c) => c.body));

async function mockAnswer(op: typeof create, body: unknown): Promise<number> {
  const url = `${mockUrl()}${fillPath(op.path, exampleArguments(op).path)}`;
  const response = await fetch(url, {
    method: op.method,
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  await response.arrayBuffer();
  return response.status;
}

describe('record bodies: schema, types and mock agree', () => {
  it('cover every record type of the spec', () => {
    const recordTypes = validator.schema('DnsRecordType').schema as { enum: string[] };
    expect(Object.keys(SAMPLES).sort()).toEqual([...recordTypes.enum].sort());
  });

  it.each(RECORD_CASES.map((c, i) => [c.label, c, i] as const))('%s', async (_label, c, i) => {
    const schema = validator.request(create.operationId)!;
    expect(schema(c.body), `schema: ${JSON.stringify(schema.errors)}`).toBe(c.accepted);
    expect(validator.request(update.operationId)!(c.body), 'the PUT body is the same schema').toBe(c.accepted);
    // The types cannot see a format or a length: there they accept what the schema refuses, and nothing else.
    expect(types[i], 'the client types').toBe(c.types === 'blind' ? true : c.accepted);
    expect(await mockAnswer(create, c.body), 'the mock, createDnsZoneRecord').toBe(c.accepted ? 201 : 400);
    expect(await mockAnswer(update, c.body), 'the mock, updateDnsRecord').toBe(c.accepted ? 200 : 400);
  });
});
