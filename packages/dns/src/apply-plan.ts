// Carries out a plan with at most `concurrency` requests in flight: adds and changes first, deletions last (so a
// name is never left without its records while its new ones are on the way). At the first write that fails it
// starts nothing new, lets what is in flight finish, and reports what was applied, what the API refused, what may
// or may not have been applied (no answer: the network failed, or the API failed with a 5xx), and what was not.
import { VpsApiError } from '@vps-org/client';
import type { Plan, RecordChange } from './plan.js';
import type { CurrentRecord, ZoneRecord } from './records.js';

/** The three writes an apply needs, as the API client carries them out. */
export interface ZoneWriter {
  create(record: ZoneRecord): Promise<void>;
  change(change: RecordChange): Promise<void>;
  remove(record: CurrentRecord): Promise<void>;
}

export type Step = { action: 'add'; record: ZoneRecord } | { action: 'change'; record: RecordChange } | { action: 'delete'; record: CurrentRecord };

export interface ApplyReport {
  applied: { add: number; change: number; delete: number };
  /** The writes the API answered with a refusal (a 4xx): not carried out. */
  failed: Array<{ step: Step; error: unknown }>;
  /** The writes whose outcome is unknown (no answer, or a 5xx): they may have been carried out. */
  unknown: Array<{ step: Step; error: unknown }>;
  /** The writes not attempted because an earlier one failed. */
  notApplied: Step[];
}

export interface ApplyOptions {
  concurrency: number;
  /** Called after each write, with how many are done out of how many. */
  onProgress?: (done: number, total: number) => void;
}

/** A refusal is an answer of the API that says it did nothing; anything else leaves the write's outcome unknown. */
export function isRefusal(error: unknown): boolean {
  return error instanceof VpsApiError && error.status < 500;
}

export async function applyPlan(plan: Pick<Plan, 'add' | 'change' | 'delete'>, writer: ZoneWriter, { concurrency, onProgress }: ApplyOptions): Promise<ApplyReport> {
  const report: ApplyReport = { applied: { add: 0, change: 0, delete: 0 }, failed: [], unknown: [], notApplied: [] };
  const total = plan.add.length + plan.change.length + plan.delete.length;
  let done = 0;
  const stopped = (): boolean => report.failed.length > 0 || report.unknown.length > 0;
  const run = (step: Step): Promise<void> => {
    if (step.action === 'add') return writer.create(step.record);
    if (step.action === 'change') return writer.change(step.record);
    return writer.remove(step.record);
  };

  // Workers pull the next step from one shared iterator: nothing is queued per request, so memory stays flat
  // however many writes there are.
  const phase = async (steps: Iterator<Step>): Promise<void> => {
    const worker = async (): Promise<void> => {
      for (let next = steps.next(); !next.done; next = steps.next()) {
        const step = next.value;
        if (stopped()) {
          report.notApplied.push(step);
          continue;
        }
        try {
          await run(step);
          report.applied[step.action]++;
        } catch (error) {
          (isRefusal(error) ? report.failed : report.unknown).push({ step, error });
        }
        onProgress?.(++done, total);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  };

  await phase(writes(plan));
  await phase(deletions(plan.delete));
  return report;
}

function* writes(plan: Pick<Plan, 'add' | 'change'>): Iterator<Step> {
  for (const record of plan.add) yield { action: 'add', record };
  for (const record of plan.change) yield { action: 'change', record };
}

function* deletions(records: CurrentRecord[]): Iterator<Step> {
  for (const record of records) yield { action: 'delete', record };
}
