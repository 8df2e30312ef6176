import { describe, expect, it } from 'vitest';
import { planJson, planLines, planSummary } from '../src/format-plan.js';
import { planChanges } from '../src/plan.js';
import type { CurrentRecord, ZoneRecord } from '../src/records.js';

const rec = (name: string, type: ZoneRecord['type'], value: string, ttl = 3600, priority: number | null = null): ZoneRecord => ({
  name,
  type,
  value,
  ttl,
  priority,
});
let n = 0;
const held = (r: ZoneRecord): CurrentRecord => ({ ...r, uuid: `rec-${++n}` });

describe('planChanges', () => {
  it('adds what is missing, deletes what is extra, changes a TTL in place; a new MX priority is another record', () => {
    const current = [
      held(rec('www', 'A', '192.0.2.1')),
      held(rec('@', 'MX', 'mail.example.com', 3600, 10)),
      held(rec('old', 'A', '192.0.2.9')),
      held(rec('same', 'TXT', 'hello')),
    ];
    const desired = [
      rec('www', 'A', '192.0.2.1', 300),
      rec('@', 'MX', 'mail.example.com', 3600, 20),
      rec('new', 'AAAA', '2001:db8::1'),
      rec('same', 'TXT', 'hello'),
    ];
    const plan = planChanges(desired, current);
    expect(plan.add).toEqual([desired[1], desired[2]]);
    expect(plan.change.map((c) => [c.current.uuid, c.desired.ttl])).toEqual([[current[0]!.uuid, 300]]);
    expect(plan.delete).toEqual([current[1], current[2]]);
    expect(planSummary(plan)).toBe('Plan: 2 to add, 1 to change, 2 to delete.');
    expect(planLines(plan)).toEqual([
      '+ @\t3600\tIN\tMX\t20 mail.example.com.',
      '+ new\t3600\tIN\tAAAA\t2001:db8::1',
      '~ www\t300\tIN\tA\t192.0.2.1\t(ttl 3600 -> 300)',
      '- @\t3600\tIN\tMX\t10 mail.example.com.',
      '- old\t3600\tIN\tA\t192.0.2.9',
    ]);
  });

  it('treats a changed value as a delete and an add, never as a change', () => {
    const plan = planChanges([rec('www', 'A', '192.0.2.2')], [held(rec('www', 'A', '192.0.2.1'))]);
    expect([plan.add.length, plan.change.length, plan.delete.length]).toEqual([1, 0, 1]);
  });

  it('matches MX and SRV on their priority: two MX of one host are two records, and the right one goes', () => {
    const current = [held(rec('@', 'MX', 'mx.example.com', 3600, 10)), held(rec('@', 'MX', 'mx.example.com', 3600, 20))];
    expect(planChanges([rec('@', 'MX', 'mx.example.com', 3600, 10), rec('@', 'MX', 'mx.example.com', 3600, 20)], current).delete).toEqual([]);
    expect(planChanges([rec('@', 'MX', 'mx.example.com', 3600, 10)], current).delete).toEqual([current[1]]);
    const srv = [held(rec('_sip._tcp', 'SRV', '5 5060 sip.example.com', 3600, 10))];
    expect(planChanges([rec('_sip._tcp', 'SRV', '5 5061 sip.example.com', 3600, 10)], srv)).toMatchObject({ change: [], delete: srv });
  });

  it("changes a CNAME's target in place: one change of its value, never a delete and an add", () => {
    const current = [held(rec('www', 'CNAME', 'old.example.net'))];
    const plan = planChanges([rec('www', 'CNAME', 'new.example.net')], current);
    expect(plan).toMatchObject({ add: [], delete: [], change: [{ current: current[0], desired: { value: 'new.example.net' } }] });
    expect(planLines(plan)).toEqual(['~ www\t3600\tIN\tCNAME\tnew.example.net.\t(value old.example.net -> new.example.net)']);
  });

  it('matches values written differently: name case, trailing dots, IPv6 zeros, CAA quotes', () => {
    const current = [
      held(rec('WWW', 'CNAME', 'Example.COM.')),
      held(rec('@', 'AAAA', '2001:0db8:0000::1')),
      held(rec('@', 'CAA', '0 ISSUE letsencrypt.org')),
      held(rec('_sip._tcp', 'SRV', '5 5060 SIP.example.com.', 3600, 10)),
    ];
    const desired = [
      rec('www', 'CNAME', 'example.com'),
      rec('@', 'AAAA', '2001:db8::1'),
      rec('@', 'CAA', '0 issue "letsencrypt.org"'),
      rec('_sip._tcp', 'SRV', '5 5060 sip.example.com', 3600, 10),
    ];
    const plan = planChanges(desired, current);
    expect(plan).toEqual({ add: [], change: [], delete: [], managed: 4 });
  });

  it('deletes the second copy of a record the API holds twice', () => {
    const twice = [held(rec('a', 'A', '192.0.2.1')), held(rec('a', 'A', '192.0.2.1'))];
    const plan = planChanges([rec('a', 'A', '192.0.2.1')], twice);
    expect(plan.delete).toEqual([twice[1]]);
  });

  it('prints the JSON shape scripts read, in the API field names', () => {
    const current = held(rec('www', 'A', '192.0.2.1'));
    const plan = planChanges([rec('www', 'A', '192.0.2.1', 60), rec('@', 'MX', 'mail.example.com', 3600, 10)], [current]);
    expect(planJson(plan)).toEqual({
      add: [{ record_type: 'MX', name: '@', value: 'mail.example.com', ttl: 3600, priority: 10 }],
      change: [{ uuid: current.uuid, record_type: 'A', name: 'www', value: '192.0.2.1', ttl: 60, priority: null, from: { ttl: 3600, value: '192.0.2.1' } }],
      delete: [],
    });
  });
});
