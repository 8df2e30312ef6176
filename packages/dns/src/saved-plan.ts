// A plan saved for later (`plan --out`, `apply --plan`, as `terraform plan -out`): exactly the writes reviewed,
// with a digest of the zone's records as they were, so that an apply refuses a zone that changed since.
import { createHash } from 'node:crypto';
import { DnsError } from './errors.js';
import type { Plan } from './plan.js';
import type { CurrentRecord } from './records.js';
import type { ZoneId } from './zone-ref.js';

export interface SavedPlan {
  format: 'vps-dns-plan';
  version: 1;
  zone: ZoneId;
  /** The digest of the records the plan was made against (those in its scope). */
  state: string;
  /** The scope the plan was made with, to select the same records at apply time. */
  scope: { ignore: string[]; manageApexNs: boolean };
  plan: Plan;
}

/** A digest of records that does not depend on their order. */
export function stateDigest(records: CurrentRecord[]): string {
  const lines = records.map((r) => JSON.stringify([r.uuid, r.name, r.type, r.value, r.ttl, r.priority])).sort();
  return createHash('sha256').update(lines.join('\n')).digest('hex');
}

export function savePlan(plan: Plan, zone: ZoneId, scoped: CurrentRecord[], scope: SavedPlan['scope']): SavedPlan {
  return { format: 'vps-dns-plan', version: 1, zone, state: stateDigest(scoped), scope, plan };
}

/** A saved plan read back; a file that is not one is refused, naming it. */
export function loadSavedPlan(text: string, file: string): SavedPlan {
  let saved: Partial<SavedPlan>;
  try {
    saved = JSON.parse(text) as Partial<SavedPlan>;
  } catch {
    throw new DnsError(`${file} is not a saved plan: not JSON`);
  }
  if (saved?.format !== 'vps-dns-plan' || saved.version !== 1 || !saved.zone || !saved.plan || typeof saved.state !== 'string') {
    throw new DnsError(`${file} is not a saved plan of this version (vps dns plan ZONE FILE --out ${file} makes one)`);
  }
  return saved as SavedPlan;
}

/** Refuses, before any write, a zone whose records are no longer those the plan was made against. */
export function checkUnchanged(saved: SavedPlan, zone: ZoneId, scoped: CurrentRecord[]): void {
  if (saved.zone.uuid !== zone.uuid) {
    throw new DnsError(`the saved plan is for the zone ${saved.zone.domain} (${saved.zone.uuid}), not ${zone.domain} (${zone.uuid})`);
  }
  if (stateDigest(scoped) !== saved.state) {
    throw new DnsError(`not applied: the zone ${zone.domain} changed since the plan was made; make a new plan and review it`);
  }
}
