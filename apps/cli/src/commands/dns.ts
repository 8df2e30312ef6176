// `vps dns export|plan|apply`: a zone as a BIND zone file, and a zone file as the changes that make the zone match.
import type { Command } from 'commander';
import { CommandContext, type Session } from '../context.js';
import { EXIT } from '../errors.js';
import { jsonView } from '../output/table.js';
import { currentState, planJson, planSize, writeZoneFile } from '@vps-org/dns';
import { registerDnsApply } from './dns-apply.js';
import { makePlan, printPlan } from './zone-plan.js';

export function registerDnsCommands(program: Command, session: Session): void {
  const dns = program.command('dns').description('DNS as code: export a zone as a BIND zone file, plan and apply one');

  dns
    .command('export')
    .description("the zone's records as a BIND zone file on stdout")
    .argument('<zone>', 'zone domain or uuid')
    .action(async (ref: string, _opts: unknown, command: Command) => {
      const ctx = new CommandContext(session, command);
      const { zone, records } = await currentState(ctx.client(), ref);
      ctx.io.stdout.write(writeZoneFile(zone.domain, records));
    });

  dns
    .command('plan')
    .description('what applying FILE would change in the zone: + add, ~ change (TTL or priority), - delete')
    .argument('<zone>', 'zone domain or uuid')
    .argument('<file>', 'BIND zone file ("-" for stdin)')
    .option('--detailed-exitcode', 'exit 0 when nothing would change, 2 when something would, 1 on error')
    .action(async (ref: string, file: string, opts: { detailedExitcode?: boolean }, command: Command) => {
      const ctx = new CommandContext(session, command);
      const { plan } = await makePlan(ctx, ctx.client(), ref, file);
      if (ctx.json) ctx.io.stdout.write(jsonView(planJson(plan)));
      else printPlan(ctx, plan);
      if (opts.detailedExitcode && planSize(plan) > 0) ctx.exitCode = EXIT.usage;
    });

  registerDnsApply(dns, session);
}
