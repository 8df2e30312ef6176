// A plan as people read it (`+`, `~`, `-` lines and a summary) and as scripts read it (JSON).
import type { Plan, RecordChange } from './plan.js';
import { sameValue, type CurrentRecord, type ZoneRecord } from './records.js';
import { recordLine } from './zonefile/write-zone-file.js';

function changeNote({ current, desired }: RecordChange): string {
  const notes: string[] = [];
  if (current.ttl !== desired.ttl) notes.push(`ttl ${current.ttl} -> ${desired.ttl}`);
  if (!sameValue(current, desired)) notes.push(`value ${current.value} -> ${desired.value}`);
  return notes.join(', ');
}

export function planLines(plan: Pick<Plan, 'add' | 'change' | 'delete'>): string[] {
  return [
    ...plan.add.map((r) => `+ ${recordLine(r)}`),
    ...plan.change.map((c) => `~ ${recordLine(c.desired)}\t(${changeNote(c)})`),
    ...plan.delete.map((r) => `- ${recordLine(r)}`),
  ];
}

export function planSummary(plan: Pick<Plan, 'add' | 'change' | 'delete'>): string {
  return `Plan: ${plan.add.length} to add, ${plan.change.length} to change, ${plan.delete.length} to delete.`;
}

/** A record in the API's field names. */
export function apiFields(record: ZoneRecord | CurrentRecord): Record<string, unknown> {
  const uuid = 'uuid' in record ? { uuid: record.uuid } : {};
  return { ...uuid, record_type: record.type, name: record.name, value: record.value, ttl: record.ttl, priority: record.priority };
}

export function planJson(plan: Pick<Plan, 'add' | 'change' | 'delete'>): { add: unknown[]; change: unknown[]; delete: unknown[] } {
  return {
    add: plan.add.map(apiFields),
    change: plan.change.map((c) => ({
      ...apiFields(c.desired),
      uuid: c.current.uuid,
      from: { ttl: c.current.ttl, value: c.current.value },
    })),
    delete: plan.delete.map(apiFields),
  };
}
