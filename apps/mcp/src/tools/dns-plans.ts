// The plans `dns_plan` made, kept by id for `dns_apply`, each with a fingerprint of the zone it was planned
// against: an apply refuses when the zone has changed since, rather than carry out a plan made for other records.
import { createHash, randomUUID } from 'node:crypto';
import { recordKey, type CurrentRecord, type Plan, type ZoneId } from '@vps-org/dns';

const TTL_MS = 60 * 60_000;
const MAX_PLANS = 100;

export interface StoredPlan {
  id: string;
  zone: ZoneId;
  plan: Plan;
  fingerprint: string;
  expires: number;
}

/** The records as the plan saw them: which records (uuid), what they are, and what an apply could change (TTL, priority). */
export function fingerprint(records: CurrentRecord[]): string {
  const lines = records.map((r) => `${r.uuid}\t${recordKey(r)}\t${r.ttl}\t${r.priority ?? ''}`).sort();
  return createHash('sha256').update(lines.join('\n')).digest('hex');
}

export class PlanStore {
  private readonly plans = new Map<string, StoredPlan>();

  constructor(private readonly now: () => number = Date.now) {}

  add(zone: ZoneId, plan: Plan, records: CurrentRecord[]): StoredPlan {
    for (const [id, p] of this.plans) if (p.expires < this.now() || this.plans.size >= MAX_PLANS) this.plans.delete(id);
    const stored = { id: randomUUID(), zone, plan, fingerprint: fingerprint(records), expires: this.now() + TTL_MS };
    this.plans.set(stored.id, stored);
    return stored;
  }

  get(id: string): StoredPlan | undefined {
    const stored = this.plans.get(id);
    return stored && stored.expires >= this.now() ? stored : undefined;
  }

  /** A plan is applied once: afterwards the zone is what it planned, and a new plan says what is left. */
  spend(id: string): void {
    this.plans.delete(id);
  }
}
