// What `dns plan` and `dns apply` share: reading the file and the zone into a plan, and printing it for people.
import type { VpsClient } from '@vps-org/client';
import type { CommandContext } from '../context.js';
import { currentState, isDomain, planChanges, planLines, planSummary, type ParsedZoneFile, type Plan } from '@vps-org/dns';
import { readZoneFile } from '../dns/read-zone-file.js';

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

