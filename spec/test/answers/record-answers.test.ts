import { describe, expect, it } from 'vitest';
import { createSpecValidator, getOperation, listOperations, loadSpec, namedExamples } from '../../src/index.js';

const spec = loadSpec();
const v = createSpecValidator(spec);
const answer = v.schema('DnsRecord');
const base = { uuid: 'rec-001', name: '@', ttl: 3600, created_at: '2024-01-15T10:30:00Z' };

/** One answer per type, as the API returns it: the input's value, `priority` null unless MX or SRV. */
const valid: Record<string, Record<string, unknown>> = {
  A: { ...base, record_type: 'A', value: '192.0.2.1', priority: null },
  AAAA: { ...base, record_type: 'AAAA', value: '2001:db8::1', priority: null },
  CNAME: { ...base, record_type: 'CNAME', value: 'example.com', priority: null },
  MX: { ...base, record_type: 'MX', value: 'mail.example.com', priority: 10 },
  TXT: { ...base, record_type: 'TXT', value: 'v=spf1 include:_spf.google.com ~all', priority: null },
  NS: { ...base, record_type: 'NS', value: 'ns1.example.com', priority: null },
  SRV: { ...base, record_type: 'SRV', value: '10 5060 sip.example.com', priority: 0 },
  CAA: { ...base, record_type: 'CAA', value: '0 issue "letsencrypt.org"', priority: null },
};

describe('DNS record answers are as exact as the inputs', () => {
  it.each(Object.keys(valid))('accepts a %s answer', (type) => {
    expect(answer(valid[type]), JSON.stringify(answer.errors)).toBe(true);
  });

  it.each(['A', 'AAAA', 'CNAME', 'TXT', 'NS', 'CAA'])('a %s answer with a number priority is refused', (type) => {
    expect(answer({ ...valid[type], priority: 10 })).toBe(false);
  });

  it.each(['MX', 'SRV'])('a %s answer with a null priority is refused', (type) => {
    expect(answer({ ...valid[type], priority: null })).toBe(false);
  });

  it.each([
    ['A', 'a host name', 'mail.example.com'],
    ['A', 'an IPv6 address', '2001:db8::1'],
    ['AAAA', 'an IPv4 address', '192.0.2.1'],
    ['CNAME', 'an IPv4 address with a space', '192.0.2.1 x'],
    ['MX', 'a name with a space', 'mail example.com'],
    ['NS', 'an empty name', ''],
    ['SRV', 'a bare host name', 'sip.example.com'],
    ['CAA', 'a bare domain', 'letsencrypt.org'],
  ])('a %s answer whose value is %s is refused', (type, _label, value) => {
    expect(answer({ ...valid[type], value })).toBe(false);
  });

  it('every record answer example of every operation stays valid', () => {
    let checked = 0;
    for (const op of listOperations(spec)) {
      for (const r of op.responses.filter((r) => Number(r.status) < 300)) {
        for (const [name, body] of Object.entries(namedExamples(spec, getOperation(op.operationId), r.status))) {
          const validate = v.response(op.operationId, r.status);
          if (!validate) throw new Error(`${op.operationId} ${r.status} has examples and no schema`);
          expect(validate(body), `${op.operationId} ${r.status} ${name}: ${JSON.stringify(validate.errors)}`).toBe(true);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(10);
  });
});
