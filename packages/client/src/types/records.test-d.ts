// Record bodies in the client's types: what the schema refuses, the types refuse (see the spec's DnsRecordInput and
// the contract tests' records agreement test, which send the same bodies to the mock); answers narrow by record_type.
import { describe, expectTypeOf, it } from 'vitest';
import { createVpsClient, type DnsRecord, type DnsRecordInput, type DnsRecordPatch } from '../index.js';

const vps = createVpsClient({ token: 'vps_types' });
const accept = (body: DnsRecordInput) => body;

describe('record bodies the schema accepts, the types accept', () => {
  it('one body per record type, from the reference table', () => {
    accept({ record_type: 'A', name: '@', value: '192.0.2.1', ttl: 3600 });
    accept({ record_type: 'AAAA', name: '@', value: '2001:0db8::1' });
    accept({ record_type: 'CNAME', name: 'www', value: 'example.com' });
    accept({ record_type: 'MX', name: '@', value: 'mail.example.com', priority: 0 });
    accept({ record_type: 'TXT', name: '@', value: 'v=spf1 include:_spf.google.com ~all' });
    accept({ record_type: 'NS', name: 'sub', value: 'ns1.example.com' });
    accept({ record_type: 'SRV', name: '_sip._tcp', value: '10 5060 sip.example.com', priority: 10 });
    accept({ record_type: 'CAA', name: '@', value: '0 issue "letsencrypt.org"' });
  });
});

describe('record bodies the schema refuses, the types refuse', () => {
  it('a priority on a type without one', () => {
    // @ts-expect-error A records take no priority
    accept({ record_type: 'A', name: '@', value: '192.0.2.1', priority: 10 });
    // @ts-expect-error AAAA records take no priority
    accept({ record_type: 'AAAA', name: '@', value: '2001:0db8::1', priority: 10 });
    // @ts-expect-error CNAME records take no priority
    accept({ record_type: 'CNAME', name: 'www', value: 'example.com', priority: 10 });
    // @ts-expect-error TXT records take no priority
    accept({ record_type: 'TXT', name: '@', value: 'v=spf1 -all', priority: 10 });
    // @ts-expect-error NS records take no priority
    accept({ record_type: 'NS', name: 'sub', value: 'ns1.example.com', priority: 10 });
    // @ts-expect-error CAA records take no priority
    accept({ record_type: 'CAA', name: '@', value: '0 issue "letsencrypt.org"', priority: 10 });
    // @ts-expect-error not even null
    accept({ record_type: 'A', name: '@', value: '192.0.2.1', priority: null });
  });

  it('MX and SRV without a priority, or with a null one', () => {
    // @ts-expect-error MX records require a priority
    accept({ record_type: 'MX', name: '@', value: 'mail.example.com' });
    // @ts-expect-error SRV records require a priority
    accept({ record_type: 'SRV', name: '_sip._tcp', value: '10 5060 sip.example.com' });
    // @ts-expect-error the priority is a number
    accept({ record_type: 'MX', name: '@', value: 'mail.example.com', priority: null });
  });

  it('a field no record has, a missing name, an unknown record_type', () => {
    // @ts-expect-error records have no `weight` field (it is part of an SRV value)
    accept({ record_type: 'SRV', name: '_sip._tcp', value: '10 5060 sip.example.com', priority: 10, weight: 5 });
    // @ts-expect-error name is required
    accept({ record_type: 'A', value: '192.0.2.1' });
    // @ts-expect-error SPF is not a record type of the API
    accept({ record_type: 'SPF', name: '@', value: 'v=spf1 -all' });
    // @ts-expect-error ttl is a number
    accept({ record_type: 'A', name: '@', value: '192.0.2.1', ttl: '3600' });
  });

  it('the resource methods take the same bodies', () => {
    // @ts-expect-error through createRecord
    void vps.dnsZones.createRecord('z', { record_type: 'CNAME', name: 'www', value: 'example.com', priority: 10 });
    // @ts-expect-error through update (PUT)
    void vps.dnsRecords.update('r', { record_type: 'TXT', name: '@', value: 'v=spf1 -all', priority: 10 });
    const patch: DnsRecordPatch = { ttl: 1800 };
    // @ts-expect-error a PATCH takes only record fields
    void vps.dnsRecords.patch('r', { ...patch, weight: 5 });
  });
});

describe('records read back narrow by record_type', () => {
  it('MX and SRV have a number priority, the other types null', () => {
    const narrow = (r: DnsRecord) => {
      if (r.record_type === 'MX') expectTypeOf(r.priority).toEqualTypeOf<number>();
      if (r.record_type === 'SRV') expectTypeOf(r.priority).toEqualTypeOf<number>();
      if (r.record_type === 'A') expectTypeOf(r.priority).toEqualTypeOf<null>();
      if (r.record_type === 'TXT') expectTypeOf(r.priority).toEqualTypeOf<null>();
    };
    expectTypeOf(narrow).toBeFunction();
  });

  it('what the resource methods return is that union', async () => {
    const check = async () => {
      const record = await vps.dnsRecords.get('r');
      expectTypeOf(record).toEqualTypeOf<DnsRecord>();
      const zone = await vps.dnsZones.get('z');
      expectTypeOf(zone.records).toEqualTypeOf<DnsRecord[]>();
      expectTypeOf(record.record_type).toEqualTypeOf<'A' | 'AAAA' | 'CNAME' | 'MX' | 'TXT' | 'NS' | 'SRV' | 'CAA'>();
    };
    expectTypeOf(check).toBeFunction();
  });
});
