import { describe, expect, it } from 'vitest';
import { createSpecValidator, listOperations, loadSpec, namedExamples, resolve } from '../../src/index.js';

// The error answers every operation documents beyond the reference (inferred from Django REST Framework): each with
// the shared error body and a named example, so the docs show it and the mock can answer it.
const spec = loadSpec();
const ops = listOperations(spec);
const v = createSpecValidator(spec);

describe.each(ops.map((op) => [op.operationId, op] as const))('%s', (_id, op) => {
  it('documents 429 with a required Retry-After header, and 500 and 503', () => {
    for (const status of ['429', '500', '503']) expect(op.statuses).toContain(status);
    expect(op.responses.find((r) => r.status === '429')?.headers).toEqual(['Retry-After']);
    expect(op.responses.find((r) => r.status === '503')?.headers).toEqual(['Retry-After']);
    const header = resolve(spec, resolve(spec, op.raw.responses['429']).headers['Retry-After']);
    expect(header).toMatchObject({ required: true, schema: { type: 'integer' } });
  });

  it('has a named example, valid against its schema, for every status with a body', () => {
    for (const r of op.responses.filter((r) => r.schema)) {
      const examples = Object.entries(namedExamples(spec, op, r.status));
      expect(examples.length, `${op.operationId} ${r.status}`).toBeGreaterThan(0);
      for (const [name, value] of examples) {
        const validate = v.response(op.operationId, r.status)!;
        expect(validate(value), `${r.status} ${name}: ${JSON.stringify(validate.errors)}`).toBe(true);
      }
    }
  });
});

const named = (list: typeof ops) => list.map((op) => [op.operationId, op] as const);

describe.each(named(ops.filter((op) => op.pathParams.length > 0)))('%s (takes a path id)', (_id, op) => {
  it('answers a malformed path id with 404 and the API error body', () => {
    expect(Object.keys(namedExamples(spec, op, '404'))).toContain('ErrorMalformedId');
  });
});

describe.each(named(ops.filter((op) => op.requestBody)))('%s (takes a body)', (_id, op) => {
  it('answers a body not sent as JSON with 415', () => {
    expect(Object.keys(namedExamples(spec, op, '415'))).toEqual(['ErrorUnsupportedMediaType']);
  });

  it('answers malformed or too deep JSON with 400, and a body over 1 MB with 413', () => {
    expect(Object.keys(namedExamples(spec, op, '400'))).toEqual(expect.arrayContaining(['ErrorMalformedJson', 'ErrorJsonTooDeep']));
    expect(namedExamples(spec, op, '413')).toEqual({ ErrorPayloadTooLarge: expect.objectContaining({ error_code: 'payload_too_large' }) });
  });
});

describe.each(named(ops.filter((op) => !op.requestBody)))('%s (takes no body)', (_id, op) => {
  it('documents no 413', () => {
    expect(op.statuses).not.toContain('413');
  });
});

describe('one 400 example per reason', () => {
  const reasons = (operationId: string) =>
    Object.values(namedExamples(spec, ops.find((o) => o.operationId === operationId)!, '400')).map((e) => {
      const { error_code, field } = e as { error_code: string; field: string | null };
      return `${error_code} ${field}`;
    });

  it.each(['createDnsZoneRecord', 'updateDnsRecord', 'patchDnsRecord'])(
    '%s: MX without priority, A value not IPv4, unknown record_type, name too long, malformed JSON',
    (operationId) => {
      expect(reasons(operationId)).toEqual(
        expect.arrayContaining([
          'validation_error priority',
          'validation_error value',
          'validation_error record_type',
          'validation_error name',
          'parse_error null',
        ]),
      );
    },
  );

  it('createServer: unknown plan, bad name, malformed JSON', () => {
    expect(reasons('createServer')).toEqual(
      expect.arrayContaining(['validation_error plan_id', 'validation_error name', 'parse_error null']),
    );
  });

  it("listServers: a page past the end is DRF's 404 \"Invalid page.\"", () => {
    const op = ops.find((o) => o.operationId === 'listServers')!;
    expect(namedExamples(spec, op, '404')).toEqual({ ErrorInvalidPage: expect.objectContaining({ detail: 'Invalid page.' }) });
  });
});
