// What `dns plan` and `dns apply` share: reading the file and the zone into a plan, and printing it for people.
import type { VpsClient } from '@vps-org/client';
import type { CommandContext } from '../context.js';
import { planLines, planSummary } from '../dns/format-plan.js';
import { planChanges, type Plan } from '../dns/plan.js';
import { currentState, readZoneFile } from '../dns/zone-state.js';
import type { ParsedZoneFile } from '../dns/zonefile/parse-zone-file.js';
import { isDomain } from '../operations/zone-ref.js';

export interface Planned {
  plan: Plan;
  zone: { uuid: string; domain: string };
}

/** Reads the file (before anything is asked of the API when ZONE is a domain), then diffs it with the zone. */
export async function makePlan(ctx: CommandContext, vps: VpsClient, ref: string, file: string): Promise<Planned> {
  let parsed: ParsedZoneFile | undefined = isDomain(ref) ? await readZoneFile(file, ref, ctx.io.stdin) : undefined;
  const state = await currentState(vps, ref);
  parsed ??= await readZoneFile(file, state.zone.domain, ctx.io.stdin);
  for (const notice of parsed.notices) ctx.notice(notice);
  return { plan: planChanges(parsed.records, state.records), zone: state.zone };
}

export function printPlan(ctx: CommandContext, plan: Plan): void {
  const lines = planLines(plan);
  ctx.io.stdout.write(lines.length ? `${lines.join('\n')}\n` : 'No changes: the zone matches the file.\n');
  ctx.io.stdout.write(`${planSummary(plan)}\n`);
}

