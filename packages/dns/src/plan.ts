// The difference between the records a zone file wants and the records the API holds, keyed by name, type, value
// and priority (a CNAME by its name): what to add, what to change in place (a TTL, a CNAME's target), what to
// delete. Only records in the plan's scope take part (see scope.ts).
import { recordKey, sameValue, type CurrentRecord, type FileRecord, type ZoneRecord } from './records.js';
import { outOfScope, type ScopeOptions } from './scope.js';
import { recordLine } from './zonefile/write-zone-file.js';

export interface RecordChange {
  current: CurrentRecord;
  desired: ZoneRecord;
}

export interface Plan {
  add: ZoneRecord[];
  change: RecordChange[];
  delete: CurrentRecord[];
  /** How many of the zone's records the plan manages (its scope), before the plan: the safety rules' base. */
  managed: number;
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
  const plan: Plan = { add: [], change: [], delete: [], managed: current.length };
  for (const record of desired) {
    const key = recordKey(record);
    const match = byKey.get(key);
    if (!match) {
      plan.add.push(record);
      continue;
    }
    byKey.delete(key);
    if (match.ttl !== record.ttl || !sameValue(match, record)) plan.change.push({ current: match, desired: record });
  }
  plan.delete = [...byKey.values(), ...extra];
  return plan;
}

export function planSize(plan: Pick<Plan, 'add' | 'change' | 'delete'>): number {
  return plan.add.length + plan.change.length + plan.delete.length;
}

export interface ScopedPlan {
  plan: Plan;
  /** `file:line: ...` for each record of the file left out of the plan, and why. */
  notices: string[];
}

/** The plan of a file's records against the zone's, each side cut to the plan's scope. */
export function planZone(records: FileRecord[], current: CurrentRecord[], options: ScopeOptions & { file?: string } = {}): ScopedPlan {
  const notices: string[] = [];
  const desired = records.filter((record) => {
    const why = outOfScope(record, options);
    if (why) notices.push(`${options.file ?? 'zone file'}:${record.line}: ${recordLine(record)}: skipped, ${why}`);
    return !why;
  });
  return { plan: planChanges(desired, current.filter((r) => !outOfScope(r, options))), notices };
}
