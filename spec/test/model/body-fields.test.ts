import { describe, expect, it } from 'vitest';
import { bodyFields, getOperation, type JsonObject } from '../../src/index.js';

describe('request body fields', () => {
  it('gives a plain object body its properties as flags, with types and required', () => {
    const fields = getOperation('createServer').requestBody?.fields ?? [];
    const planId = fields.find((f) => f.name === 'plan_id');
    expect(planId).toMatchObject({ flagName: 'plan-id', argName: 'planId', types: ['integer'], required: true });
    expect(fields.find((f) => f.name === 'backups_enabled')).toMatchObject({ types: ['boolean'], required: false });
    expect(fields.map((f) => f.name)).toEqual(expect.arrayContaining(['name', 'plan_id', 'os_id', 'location', 'hostname']));
  });

  it('gives a oneOf body the union of its branches, consts as an enum, required only when every branch requires it', () => {
    const fields = getOperation('createDnsZoneRecord').requestBody?.fields ?? [];
    const byName = Object.fromEntries(fields.map((f) => [f.name, f]));
    expect(byName.record_type?.enum).toEqual(['A', 'AAAA', 'CNAME', 'MX', 'TXT', 'NS', 'SRV', 'CAA']);
    expect(byName.record_type?.required).toBe(true);
    expect(byName.value?.required).toBe(true);
    expect(byName.priority).toMatchObject({ required: false, types: ['integer'] });
  });

  it('reads nullable alternatives as another type, and merges allOf parts', () => {
    const spec: JsonObject = {
      components: { schemas: { Base: { type: 'object', required: ['a'], properties: { a: { type: 'string' } } } } },
    };
    const fields = bodyFields(spec, {
      allOf: [{ $ref: '#/components/schemas/Base' }, { properties: { b: { oneOf: [{ type: 'integer' }, { type: 'null' }] } } }],
    });
    expect(fields).toEqual([
      expect.objectContaining({ name: 'a', types: ['string'], required: true, enum: undefined }),
      expect.objectContaining({ name: 'b', types: ['integer', 'null'], required: false }),
    ]);
  });
});
