import { describe, expect, it } from 'vitest';
import { createSpecValidator, getOperation, listOperations, loadSpec, namedExamples } from '../../src/index.js';

const spec = loadSpec();
const v = createSpecValidator(spec);
const record = v.schema('DnsRecordInput');
/** One valid body per record type: the request examples of createDnsZoneRecord (the reference's record-type table). */
const sample: Record<string, Record<string, unknown>> = Object.fromEntries(
  Object.values(namedExamples(spec, getOperation('createDnsZoneRecord', listOperations(spec)), 'request')).map((body) => {
    const record = body as Record<string, unknown>;
    return [String(record.record_type), record];
  }),
);
const check = (validate: ReturnType<typeof v.schema>, body: unknown) => validate(body);

describe('DNS record bodies', () => {
  it.each([
    ['MX without priority', { record_type: 'MX', name: '@', value: 'mail.example.com' }],
    ['SRV without priority', { record_type: 'SRV', name: '_sip._tcp', value: '10 5060 sip.example.com' }],
    ['A with "not-an-ip"', { record_type: 'A', name: 'www', value: 'not-an-ip' }],
    ['AAAA with an IPv4 address', { record_type: 'AAAA', name: 'www', value: '192.0.2.1' }],
    ['an unknown record_type', { record_type: 'SPF', name: '@', value: 'v=spf1 -all' }],
    ['a string ttl', { record_type: 'A', name: 'www', value: '192.0.2.1', ttl: '3600' }],
    ['a ttl beyond RFC 2181', { record_type: 'A', name: 'www', value: '192.0.2.1', ttl: 2 ** 31 }],
    ['a negative priority', { record_type: 'MX', name: '@', value: 'mail.example.com', priority: -1 }],
    ['no name', { record_type: 'A', value: '192.0.2.1' }],
  ])('rejects %s', (_label, body) => {
    expect(check(record, body)).toBe(false);
  });

  it.each([
    ['MX with priority 0', { record_type: 'MX', name: '@', value: 'mail.example.com', priority: 0 }],
    // The reference's record-type table, one row per type.
    ['A', { record_type: 'A', name: '@', value: '192.0.2.1' }],
    ['AAAA', { record_type: 'AAAA', name: '@', value: '2001:0db8::1' }],
    ['CNAME', { record_type: 'CNAME', name: 'www', value: 'example.com' }],
    ['MX', { record_type: 'MX', name: '@', value: 'mail.example.com', priority: 10 }],
    ['TXT', { record_type: 'TXT', name: '@', value: 'v=spf1 include:_spf.google.com ~all' }],
    ['NS', { record_type: 'NS', name: 'sub', value: 'ns1.example.com' }],
    ['SRV', { record_type: 'SRV', name: '_sip._tcp', value: '10 5060 sip.example.com', priority: 10 }],
    ['CAA', { record_type: 'CAA', name: '@', value: '0 issue "letsencrypt.org"' }],
    ['a ttl of 1800', { record_type: 'A', name: 'www', value: '192.0.2.1', ttl: 1800 }],
  ])('accepts %s', (_label, body) => {
    expect(check(record, body), JSON.stringify(record.errors)).toBe(true);
  });

  it.each(['A', 'AAAA', 'CNAME', 'TXT', 'NS', 'CAA'])('a %s record refuses a priority, even null', (type) => {
    expect(check(record, { ...sample[type], priority: 10 })).toBe(false);
    expect(check(record, { ...sample[type], priority: null })).toBe(false);
  });

  it.each(Object.keys(sample))('a %s record refuses an unknown field', (type) => {
    expect(check(record, sample[type])).toBe(true);
    expect(check(record, { ...sample[type], weight: 5 })).toBe(false);
  });

  it('names are bounded as RFC 1035 says: 253 in all, 63 per label', () => {
    const label63 = 'a'.repeat(63);
    const name253 = [label63, label63, label63, 'a'.repeat(61)].join('.');
    expect(name253).toHaveLength(253);
    expect(check(record, { ...sample.A, name: name253 })).toBe(true);
    expect(check(record, { ...sample.A, name: `${name253}a` })).toBe(false);
    expect(check(record, { ...sample.A, name: `${label63}a.example` })).toBe(false);
    for (const name of ['@', 'www', '*', '*.dev', '_sip._tcp', 'mail.example.com.']) {
      expect(check(record, { ...sample.A, name }), name).toBe(true);
    }
  });

  it('a TXT value holds a 4096-bit DKIM key, and is bounded at 4096 characters', () => {
    // A 4096-bit RSA public key is about 550 bytes of DER: about 740 characters of base64.
    const dkim = `v=DKIM1; k=rsa; p=${Buffer.alloc(550, 'dkim-key').toString('base64')}`;
    expect(dkim.length).toBeGreaterThan(750);
    expect(check(record, { ...sample.TXT, value: dkim }), JSON.stringify(record.errors)).toBe(true);
    expect(check(record, { ...sample.TXT, value: 'x'.repeat(4096) })).toBe(true);
    expect(check(record, { ...sample.TXT, value: 'x'.repeat(4097) })).toBe(false);
  });

  it('host name values are bounded at 253 characters', () => {
    const long = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(62)}`;
    for (const type of ['CNAME', 'NS', 'MX']) {
      expect(check(record, { ...sample[type], value: long })).toBe(false);
    }
  });

  it('host name values take `_` in a label (DKIM, ACM targets) and a null MX `.`, and refuse what is not a name', () => {
    for (const type of ['CNAME', 'NS', 'MX']) {
      expect(check(record, { ...sample[type], value: 'selector1-example-com._domainkey.example.onmicrosoft.com' }), type).toBe(true);
      expect(check(record, { ...sample[type], value: '_c3e2.acm-validations.aws.' }), type).toBe(true);
      for (const bad of ['not a host name', '-leading.example.com', 'a..b', `${'a'.repeat(64)}.example.com`]) {
        expect(check(record, { ...sample[type], value: bad }), `${type} ${bad}`).toBe(false);
      }
    }
    expect(check(record, { ...sample.MX, value: '.', priority: 0 })).toBe(true);
    expect(check(record, { ...sample.CNAME, value: '.' })).toBe(false);
    expect(check(record, { ...sample.NS, value: '.' })).toBe(false);
  });

  it('a PATCH takes any subset, as the reference TTL example shows', () => {
    expect(check(v.schema('DnsRecordPatch'), { ttl: 1800 })).toBe(true);
    expect(check(v.schema('DnsRecordPatch'), { ttl: 'long' })).toBe(false);
    expect(check(v.schema('DnsRecordPatch'), { ttl: 1800, weight: 5 })).toBe(false);
  });
});

describe('DNS records in answers', () => {
  const answer = v.schema('DnsRecord');
  const base = { uuid: 'rec-001', name: '@', ttl: 3600, created_at: '2024-01-15T10:30:00Z' };

  it('are one branch per record_type: MX and SRV carry a number priority, the others null', () => {
    expect(answer({ ...base, record_type: 'MX', value: 'mail.example.com', priority: 10 })).toBe(true);
    expect(answer({ ...base, record_type: 'MX', value: 'mail.example.com', priority: null })).toBe(false);
    expect(answer({ ...base, record_type: 'A', value: '192.0.2.1', priority: null })).toBe(true);
    expect(answer({ ...base, record_type: 'SPF', value: 'v=spf1 -all', priority: null })).toBe(false);
  });

  it('name the branch of each record_type in the discriminator, for the docs', () => {
    const { discriminator, oneOf } = spec.components.schemas.DnsRecord;
    expect(discriminator.propertyName).toBe('record_type');
    expect(Object.keys(discriminator.mapping)).toEqual(spec.components.schemas.DnsRecordType.enum);
    expect(Object.values(discriminator.mapping)).toEqual(oneOf.map((b: { $ref: string }) => b.$ref));
  });
});

describe('server bodies', () => {
  const create = v.schema('ServerCreateRequest');
  const full = { name: 'web-server-02', plan_id: 1, os_id: 5, location: 'us-west' };

  it('a create needs plan_id', () => {
    const { plan_id: _omitted, ...noPlan } = full;
    expect(check(create, noPlan)).toBe(false);
    expect(check(create, full)).toBe(true);
  });

  it('a create rejects a name with spaces and a string plan_id', () => {
    expect(check(create, { ...full, name: 'web server' })).toBe(false);
    expect(check(create, { ...full, plan_id: '1' })).toBe(false);
  });

  it('a PUT needs every field', () => {
    const put = v.schema('ServerUpdateRequest');
    expect(check(put, { name: 'web-server-updated', hostname: 'web-updated.example.com' })).toBe(false);
    expect(check(put, { name: 'web-server-updated', hostname: 'web-updated.example.com', backups_enabled: true })).toBe(true);
  });

  it('hostname: a PUT must send it (the reference: every field is required), and null for a server without one', () => {
    const put = v.schema('ServerUpdateRequest');
    expect(check(put, { name: 'web-server-updated', backups_enabled: true })).toBe(false);
    expect(check(put, { name: 'web-server-updated', hostname: null, backups_enabled: true })).toBe(true);
    expect(check(v.schema('ServerPatchRequest'), { hostname: null })).toBe(true);
    // The server a GET returns may have a null hostname: what it reads back, a PUT can send.
    expect(v.schema('Server').schema).toMatchObject({ properties: { hostname: { type: ['string', 'null'] } } });
  });

  it('strings are bounded: name 255, location 64, hostname and domain 253', () => {
    expect(check(create, { ...full, name: 'a'.repeat(255) })).toBe(true);
    expect(check(create, { ...full, name: 'a'.repeat(256) })).toBe(false);
    expect(check(create, { ...full, location: 'l'.repeat(65) })).toBe(false);
    const host254 = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(62)}`;
    expect(check(create, { ...full, hostname: host254 })).toBe(false);
    expect(check(v.schema('DnsZoneCreateRequest'), { domain: host254 })).toBe(false);
    expect(check(v.schema('DnsZoneCreateRequest'), { domain: 'newdomain.com' })).toBe(true);
  });

  it('a PATCH takes any subset', () => {
    expect(check(v.schema('ServerPatchRequest'), { name: 'new-server-name' })).toBe(true);
    expect(check(v.schema('ServerPatchRequest'), { backups_enabled: 'yes' })).toBe(false);
  });

  it('status is an enum of every status the reference shows', () => {
    const status = v.schema('ServerStatus');
    for (const s of ['active', 'provisioning', 'starting', 'stopping', 'rebooting', 'stopped', 'suspended']) {
      expect(status(s)).toBe(true);
    }
    expect(status('running')).toBe(false);
  });
});
