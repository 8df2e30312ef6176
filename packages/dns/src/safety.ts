// The safety rules of an apply, as octoDNS has them: a plan that updates or deletes a share of a zone
// of some size or more, or that leaves the zone with none of its records, looks like a truncated or empty file (a
// generator that failed) more than like an intent, so it is refused unless forced.
import type { Plan } from './plan.js';

export interface SafetyOptions {
  /** The share of the zone's records that a plan may not reach by its changes and deletions together (default 0.3). */
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
  // At the ratio is refused too: a file cut at 3,500 of 5,000 records (exactly 30% deleted) is the classic accident.
  const touched = (deleted + changed) / managed;
  if (managed >= minRecords && touched >= ratio - 1e-9) {
    // The smallest ratio of two decimals that lets this plan through, if there is one.
    const above = (Math.floor(touched * 100 + 1e-9) + 1) / 100;
    const wayOut = above <= 1 ? `pass --force or --max-delete-ratio ${above.toFixed(2)}` : 'pass --force';
    return (
      `refused: this plan deletes ${deleted} and changes ${changed} of the zone's ${managed} records (${Math.round(touched * 100)}%, ` +
      `${Math.round(ratio * 100)}% or more); check the file, or ${wayOut}`
    );
  }
  return undefined;
}
