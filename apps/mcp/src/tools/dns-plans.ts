// The plans `dns_plan` made, kept by id for `dns_apply` as `@vps-org/dns` saves them (the writes reviewed, the scope
// and a digest of the zone's records as they were), with the safety options they were made with.
import { randomUUID } from 'node:crypto';
import type { SafetyOptions, SavedPlan } from '@vps-org/dns';

const TTL_MS = 60 * 60_000;
const MAX_PLANS = 100;

export interface StoredPlan {
  id: string;
  saved: SavedPlan;
  safety: SafetyOptions;
  /** Why the safety rules refuse the plan, when they do: an apply then refuses it too. */
  violation: string | undefined;
  expires: number;
}

export class PlanStore {
  private readonly plans = new Map<string, StoredPlan>();

  constructor(private readonly now: () => number = Date.now) {}

  add(saved: SavedPlan, safety: SafetyOptions, violation: string | undefined): StoredPlan {
    for (const [id, p] of this.plans) if (p.expires < this.now() || this.plans.size >= MAX_PLANS) this.plans.delete(id);
    const stored = { id: randomUUID(), saved, safety, violation, expires: this.now() + TTL_MS };
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
