// The safety rules of an apply, as octoDNS has them: a plan that updates or deletes more than a share of a zone
// of some size, or that leaves the zone with none of its records, looks like a truncated or empty file (a
// generator that failed) more than like an intent, so it is refused unless forced.
import type { Plan } from './plan.js';

export interface SafetyOptions {
  /** The largest share of the zone's records a plan may change and delete together (default 0.3). */
  maxDeleteRatio?: number;
  /** Zones with fewer records than this are not held to the ratio (default 10). */
  minRecords?: number;
  /** Skip every rule. */
  force?: boolean;
}

export const SAFETY_DEFAULTS = { maxDeleteRatio: 0.3, minRecords: 10 } as const;

/** Why the plan is refused (one line naming the numbers and the way out), or undefined when it is not. */
export function safetyViolation(plan: Plan, options: SafetyOptions = {}): string | undefined {
  if (options.force) return undefined;
  const ratio = options.maxDeleteRatio ?? SAFETY_DEFAULTS.maxDeleteRatio;
  const minRecords = options.minRecords ?? SAFETY_DEFAULTS.minRecords;
  const { managed } = plan;
  const deleted = plan.delete.length;
  const changed = plan.change.length;
  const left = managed - deleted + plan.add.length;
  if (managed > 0 && left === 0) {
    return `refused: this plan deletes all ${managed} records of the zone and leaves it empty (an empty or failed input?); check the file, or pass --force`;
  }
  if (managed >= minRecords && deleted + changed > ratio * managed) {
    const share = Math.round(((deleted + changed) / managed) * 100);
    return (
      `refused: this plan deletes ${deleted} and changes ${changed} of the zone's ${managed} records (${share}%, more than ` +
      `${Math.round(ratio * 100)}%); check the file, or pass --force or --max-delete-ratio ${(Math.ceil(((deleted + changed) / managed) * 100) / 100).toFixed(2)}`
    );
  }
  return undefined;
}
