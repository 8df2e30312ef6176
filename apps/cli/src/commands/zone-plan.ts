// What `dns plan` and `dns apply` share: the flags that decide what a plan manages and when it is refused, reading
// the file and the zone into a plan, and printing it for people.
import type { VpsClient } from '@vps-org/client';
import {
  currentState,
  isDomain,
  outOfScope,
  parseIgnoreRule,
  planLines,
  planSummary,
  planZone,
  safetyViolation,
  type CurrentRecord,
  type IgnoreRule,
  type Plan,
  type SafetyOptions,
  type ScopeOptions,
  type ZoneId,
} from '@vps-org/dns';
import { InvalidArgumentError, Option, type Command } from 'commander';
import type { CommandContext } from '../context.js';
import { readZoneFile } from '../dns/read-zone-file.js';
import { number } from '../operations/values.js';

export interface PlanFlags {
  ignore: IgnoreRule[];
  skipUnsupported?: boolean;
  manageApexNs?: boolean;
  force?: boolean;
  maxDeleteRatio?: number;
}

function ignoreRule(text: string, previous: IgnoreRule[] = []): IgnoreRule[] {
  try {
    return [...previous, parseIgnoreRule(text)];
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message);
  }
}

function ratio(text: string): number {
  const n = number(text);
  if (n < 0 || n > 1) throw new InvalidArgumentError(`"${text}" is not a ratio from 0 to 1.`);
  return n;
}

/** The flags of a plan's scope (what it manages): given to `plan`, and to `apply` when it plans. */
export function addScopeFlags(command: Command): Command {
  return command
    .addOption(new Option('--ignore <name[:type]>', 'leave matching records alone (repeatable; `*` is a wildcard)').argParser(ignoreRule).default([]))
    .option('--skip-unsupported', 'leave out records of types the API does not hold (each listed), instead of refusing the file')
    .option('--manage-apex-ns', "plan apex NS records too (by default they are the provider's, and skipped)");
}

/** The flags of the safety rules. */
export function addSafetyFlags(command: Command): Command {
  return command
    .option('--force', 'apply a plan the safety rules refuse (most of the zone deleted or changed, or all of it deleted)')
    .addOption(new Option('--max-delete-ratio <r>', 'refuse a plan that deletes and changes this share of the zone or more (default 0.3)').argParser(ratio));
}

export function safetyOptions(flags: PlanFlags): SafetyOptions {
  return { force: flags.force, ...(flags.maxDeleteRatio !== undefined && { maxDeleteRatio: flags.maxDeleteRatio }) };
}

export interface Planned {
  plan: Plan;
  zone: ZoneId;
  /** The zone's records in the plan's scope: what a saved plan's digest covers. */
  scoped: CurrentRecord[];
  scope: ScopeOptions & { ignore: IgnoreRule[] };
  /** Why the safety rules refuse this plan, if they do. */
  violation: string | undefined;
}

/** Reads the file (before anything is asked of the API when ZONE is a domain), then plans it against the zone. */
export async function makePlan(ctx: CommandContext, vps: VpsClient, ref: string, file: string, flags: PlanFlags): Promise<Planned> {
  const read = (zone: string) => readZoneFile(file, zone, ctx.io.stdin, { skipUnsupported: flags.skipUnsupported });
  let parsed = isDomain(ref) ? await read(ref) : undefined;
  const state = await currentState(vps, ref);
  parsed ??= await read(state.zone.domain);
  for (const notice of parsed.notices) ctx.notice(notice);
  const scope = { ignore: [...flags.ignore, ...parsed.ignore], manageApexNs: Boolean(flags.manageApexNs) };
  const { plan, notices } = planZone(parsed.records, state.records, { ...scope, file: file === '-' ? '<stdin>' : file });
  for (const notice of notices) ctx.notice(notice);
  const scoped = state.records.filter((r) => !outOfScope(r, scope));
  return { plan, zone: state.zone, scoped, scope, violation: safetyViolation(plan, safetyOptions(flags)) };
}

export function printPlan(ctx: CommandContext, plan: Pick<Plan, 'add' | 'change' | 'delete'>): void {
  const lines = planLines(plan);
  ctx.io.stdout.write(lines.length ? `${lines.join('\n')}\n` : 'No changes: the zone matches the file.\n');
  ctx.io.stdout.write(`${planSummary(plan)}\n`);
}
