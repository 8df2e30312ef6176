import { BadRequestError, VpsConnectionError } from '@vps-org/client';
import { describe, expect, it } from 'vitest';
import { applyPlan, type ZoneWriter } from '../src/apply-plan.js';
import { planChanges } from '../src/plan.js';
import type { CurrentRecord, ZoneRecord } from '../src/records.js';

/** An in-memory zone that records the order of writes and the most requests ever in flight. */
function memoryZone(initial: CurrentRecord[], refuse?: (r: ZoneRecord) => boolean, lose?: (r: ZoneRecord) => boolean) {
  const records = new Map(initial.map((r) => [r.uuid, { ...r }]));
  const log: string[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  let next = 1000;
  const write = async (what: string, record: ZoneRecord, effect: () => void): Promise<void> => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    // Yield to the event loop so that the other workers start their writes before this one ends.
    await new Promise((resolve) => setImmediate(resolve));
    inFlight--;
    if (refuse?.(record)) throw new BadRequestError({ status: 400, method: 'POST', path: '/x/', body: { detail: `refused ${record.name}` } });
    log.push(`${what} ${record.name}`);
    effect();
    // The write was carried out, and its answer lost on the way back.
    if (lose?.(record)) throw new VpsConnectionError({ method: 'POST', path: '/x/', cause: new Error('socket hang up') });
  };
  const writer: ZoneWriter = {
    create: (r) => write('add', r, () => records.set(`rec-${next}`, { ...r, uuid: `rec-${next++}` })),
    change: (c) => write('change', c.desired, () => records.set(c.current.uuid, { ...c.desired, uuid: c.current.uuid })),
    remove: (r) => write('delete', r, () => records.delete(r.uuid)),
  };
  return { writer, log, records: () => [...records.values()], maxInFlight: () => maxInFlight };
}

const a = (name: string, ttl = 3600): ZoneRecord => ({ name, type: 'A', value: '192.0.2.1', ttl, priority: null });

describe('applyPlan', () => {
  it('applies every step with at most `concurrency` in flight, deletions after every add and change', async () => {
    const current = Array.from({ length: 20 }, (_, i) => ({ ...a(`old${i}`), uuid: `u${i}` }));
    const desired = [...Array.from({ length: 30 }, (_, i) => a(`new${i}`)), a('old0', 60)];
    const zone = memoryZone(current);
    const plan = planChanges(desired, current);
    const progress: number[] = [];
    const report = await applyPlan(plan, zone.writer, { concurrency: 4, onProgress: (done) => progress.push(done) });
    expect(report).toEqual({ applied: { add: 30, change: 1, delete: 19 }, failed: [], unknown: [], notApplied: [] });
    expect(zone.maxInFlight()).toBe(4);
    const firstDelete = zone.log.findIndex((l) => l.startsWith('delete'));
    expect(zone.log.slice(firstDelete).every((l) => l.startsWith('delete'))).toBe(true);
    expect(progress).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(planChanges(desired, zone.records())).toMatchObject({ add: [], change: [], delete: [] });
  });

  it('stops at the first refusal, deletes nothing, reports the rest, and a second run finishes the job', async () => {
    const current = [{ ...a('gone'), uuid: 'u1' }];
    const desired = Array.from({ length: 10 }, (_, i) => a(`n${i}`));
    let refuseN5 = true;
    const zone = memoryZone(current, (r) => refuseN5 && r.name === 'n5');
    const report = await applyPlan(planChanges(desired, current), zone.writer, { concurrency: 1 });
    expect(report.applied).toEqual({ add: 5, change: 0, delete: 0 });
    expect(report.failed.map((f) => [f.step.action, (f.step.record as ZoneRecord).name, (f.error as Error).message])).toEqual([
      ['add', 'n5', '400: refused n5 (POST /x/)'],
    ]);
    expect(report.notApplied.map((s) => `${s.action} ${(s.record as ZoneRecord).name}`)).toEqual([
      'add n6', 'add n7', 'add n8', 'add n9', 'delete gone',
    ]);
    refuseN5 = false;
    const again = await applyPlan(planChanges(desired, zone.records()), zone.writer, { concurrency: 8 });
    expect(again).toEqual({ applied: { add: 5, change: 0, delete: 1 }, failed: [], unknown: [], notApplied: [] });
    expect(planChanges(desired, zone.records())).toMatchObject({ add: [], change: [], delete: [] });
  });

  it('lists a write whose answer was lost as unknown, not as failed: it may have been carried out', async () => {
    const desired = Array.from({ length: 4 }, (_, i) => a(`n${i}`));
    const zone = memoryZone([], undefined, (r) => r.name === 'n1');
    const report = await applyPlan(planChanges(desired, []), zone.writer, { concurrency: 1 });
    expect(report.failed).toEqual([]);
    expect(report.unknown.map((u) => (u.step.record as ZoneRecord).name)).toEqual(['n1']);
    expect(report.unknown[0]!.error).toBeInstanceOf(VpsConnectionError);
    expect(report.notApplied).toHaveLength(2);
    // It was in fact created: the next plan does not add it again.
    expect(planChanges(desired, zone.records()).add.map((r) => r.name)).toEqual(['n2', 'n3']);
  });
});
