// The difference between the records a zone file wants and the records the API holds, keyed by name, type and
// value: what to add, what to change in place (TTL or priority), what to delete.
import { recordKey, type CurrentRecord, type ZoneRecord } from './records.js';

export interface RecordChange {
  current: CurrentRecord;
  desired: ZoneRecord;
}

export interface Plan {
  add: ZoneRecord[];
  change: RecordChange[];
  delete: CurrentRecord[];
}

export function planChanges(desired: ZoneRecord[], current: CurrentRecord[]): Plan {
  const byKey = new Map<string, CurrentRecord>();
  const extra: CurrentRecord[] = [];
  for (const record of current) {
    const key = recordKey(record);
    // A record the API holds twice is one record too many: the second copy goes.
    if (byKey.has(key)) extra.push(record);
    else byKey.set(key, record);
  }
  const plan: Plan = { add: [], change: [], delete: [] };
  for (const record of desired) {
    const key = recordKey(record);
    const match = byKey.get(key);
    if (!match) {
      plan.add.push(record);
      continue;
    }
    byKey.delete(key);
    if (match.ttl !== record.ttl || (match.priority ?? null) !== (record.priority ?? null)) {
      plan.change.push({ current: match, desired: record });
    }
  }
  plan.delete = [...byKey.values(), ...extra];
  return plan;
}

export function planSize(plan: Plan): number {
  return plan.add.length + plan.change.length + plan.delete.length;
}
