import { describe, expect, it } from 'vitest';
import { planChanges, planZone } from '../src/plan.js';
import type { CurrentRecord, FileRecord, ZoneRecord } from '../src/records.js';
import { safetyViolation } from '../src/safety.js';
import { parseIgnoreRule } from '../src/scope.js';

const a = (name: string, value = '192.0.2.1'): ZoneRecord => ({ name, type: 'A', value, ttl: 300, priority: null });
const held = (records: ZoneRecord[]): CurrentRecord[] => records.map((r, i) => ({ ...r, uuid: `rec-${i}` }));
const file = (records: ZoneRecord[]): FileRecord[] => records.map((r, i) => ({ ...r, line: i + 1 }));
const zone = (n: number) => Array.from({ length: n }, (_, i) => a(`h${i}`));

describe('safety rules', () => {
  it('refuses an empty file against a zone with records: it would leave the zone empty', () => {
    const plan = planChanges([], held(zone(3)));
    expect(safetyViolation(plan)).toBe(
      'refused: this plan deletes all 3 records of the zone and leaves it empty (an empty or failed input?); check the file, or pass --force',
    );
    expect(safetyViolation(plan, { maxDeleteRatio: 1 })).toBeDefined();
    expect(safetyViolation(plan, { force: true })).toBeUndefined();
  });

  it('refuses a truncated file: deletions and changes of 30% or more of a zone of 10 records or more', () => {
    const current = held(zone(50));
    const plan = planChanges(zone(35).map((r, i) => (i === 0 ? { ...r, ttl: 60 } : r)), current);
    expect(safetyViolation(plan)).toBe(
      "refused: this plan deletes 15 and changes 1 of the zone's 50 records (32%, 30% or more); check the file, or pass --force or --max-delete-ratio 0.33",
    );
    expect(safetyViolation(plan, { maxDeleteRatio: 0.33 })).toBeUndefined();
    expect(safetyViolation(planChanges(zone(36), current))).toBeUndefined(); // 14 of 50: 28%
  });

  it('refuses a file cut at 3,500 of 5,000 records: exactly 30% deleted', () => {
    const current = held(zone(5000));
    expect(safetyViolation(planChanges(zone(3500), current))).toBe(
      "refused: this plan deletes 1500 and changes 0 of the zone's 5000 records (30%, 30% or more); check the file, or pass --force or --max-delete-ratio 0.31",
    );
  });

  it('offers only --force when no ratio lets the plan through', () => {
    const current = held(zone(10));
    const plan = planChanges(zone(10).map((r) => ({ ...r, ttl: 60 })), current);
    expect(safetyViolation(plan)).toMatch(/changes 10 of the zone's 10 records \(100%, 30% or more\); check the file, or pass --force$/);
  });

  it('holds a zone of fewer than 10 records to the empty-zone rule only', () => {
    expect(safetyViolation(planChanges([a('h0')], held(zone(9))))).toBeUndefined();
    expect(safetyViolation(planChanges([], []))).toBeUndefined();
  });
});

describe('the scope of a plan', () => {
  it('leaves apex NS records out on both sides, with a notice for the file, unless asked to manage them', () => {
    const ns: ZoneRecord = { name: '@', type: 'NS', value: 'bayan.ns.cloudflare.com', ttl: 300, priority: null };
    const sub: ZoneRecord = { name: 'dev', type: 'NS', value: 'ns1.example.net', ttl: 300, priority: null };
    const { plan, notices } = planZone(file([ns, sub]), [], { file: 'z' });
    expect(plan.add).toEqual([{ ...sub, line: 2 }]);
    expect(notices).toEqual(["z:1: @\t300\tIN\tNS\tbayan.ns.cloudflare.com.: skipped, apex NS: the zone's nameservers are the provider's (--manage-apex-ns to plan them)"]);
    expect(planZone(file([]), held([ns]), {}).plan.delete).toEqual([]);
    expect(planZone(file([ns]), [], { manageApexNs: true }).plan.add).toHaveLength(1);
    // VPS.org's own apex NS are the provider's whatever is asked.
    expect(planZone(file([]), held([{ ...ns, value: 'ns1.vps.org' }]), { manageApexNs: true }).plan.delete).toEqual([]);
  });

  it('never adds, changes or deletes a record an ignore rule names (NAME, NAME:TYPE, * wildcards)', () => {
    const acme: ZoneRecord = { name: '_acme-challenge', type: 'TXT', value: 'token', ttl: 60, priority: null };
    const current = held([acme, a('dyn1.home'), a('dyn2.home'), a('www'), a('_acme-challenge')]);
    const ignore = ['_acme-challenge:TXT', '*.home'].map(parseIgnoreRule);
    const { plan } = planZone(file([a('www', '192.0.2.9')]), current, { ignore });
    expect(plan.delete.map((r) => `${r.name} ${r.type}`)).toEqual(['www A', '_acme-challenge A']);
    expect(plan.add.map((r) => r.name)).toEqual(['www']);
    expect(plan.managed).toBe(2);
    expect(() => parseIgnoreRule('a:b:c')).toThrow(/NAME or NAME:TYPE/);
  });
});
