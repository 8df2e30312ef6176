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
  it('adds what is missing, deletes what is extra, changes TTL and priority in place', () => {
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
    expect(plan.add).toEqual([desired[2]]);
    expect(plan.change.map((c) => [c.current.uuid, c.desired.ttl, c.desired.priority])).toEqual([
      [current[0]!.uuid, 300, null],
      [current[1]!.uuid, 3600, 20],
    ]);
    expect(plan.delete).toEqual([current[2]]);
    expect(planSummary(plan)).toBe('Plan: 1 to add, 2 to change, 1 to delete.');
    expect(planLines(plan)).toEqual([
      '+ new\t3600\tIN\tAAAA\t2001:db8::1',
      '~ www\t300\tIN\tA\t192.0.2.1\t(ttl 3600 -> 300)',
      '~ @\t3600\tIN\tMX\t20 mail.example.com.\t(priority 10 -> 20)',
      '- old\t3600\tIN\tA\t192.0.2.9',
    ]);
  });

  it('treats a changed value as a delete and an add, never as a change', () => {
    const plan = planChanges([rec('www', 'A', '192.0.2.2')], [held(rec('www', 'A', '192.0.2.1'))]);
    expect([plan.add.length, plan.change.length, plan.delete.length]).toEqual([1, 0, 1]);
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
    expect(plan).toEqual({ add: [], change: [], delete: [] });
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
      change: [{ uuid: current.uuid, record_type: 'A', name: 'www', value: '192.0.2.1', ttl: 60, priority: null, from: { ttl: 3600, priority: null } }],
      delete: [],
    });
  });
});
