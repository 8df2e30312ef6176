import { describe, expect, it } from 'vitest';
import { createSpecValidator } from '../../src/index.js';

const v = createSpecValidator();
const record = v.schema('DnsRecordInput');
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

  it('a PATCH takes any subset, as the reference TTL example shows', () => {
    expect(check(v.schema('DnsRecordPatch'), { ttl: 1800 })).toBe(true);
    expect(check(v.schema('DnsRecordPatch'), { ttl: 'long' })).toBe(false);
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
