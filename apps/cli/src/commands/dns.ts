// `vps dns export|plan|apply`: a zone as a BIND zone file, and a zone file as the changes that make the zone match.
import { writeFile } from 'node:fs/promises';
import { currentState, planJson, planSize, savePlan, writeZoneFile } from '@vps-org/dns';
import type { Command } from 'commander';
import { CommandContext, type Session } from '../context.js';
import { CliError, EXIT } from '../errors.js';
import { jsonView } from '../output/table.js';
import { registerDnsApply } from './dns-apply.js';
import { addSafetyFlags, addScopeFlags, makePlan, printPlan, type PlanFlags } from './zone-plan.js';

export function registerDnsCommands(program: Command, session: Session): void {
  const dns = program.command('dns').description('DNS as code: export a zone as a BIND zone file, plan and apply one');

  dns
    .command('export')
    .description("the zone's records as a BIND zone file on stdout, sorted")
    .argument('<zone>', 'zone domain or uuid')
    .option('--bind', 'add the SOA and apex NS records, so that named-checkzone loads the file as it is')
    .action(async (ref: string, opts: { bind?: boolean }, command: Command) => {
      const ctx = new CommandContext(session, command);
      const { zone, records } = await currentState(ctx.client(), ref);
      ctx.io.stdout.write(writeZoneFile(zone.domain, records, { bind: Boolean(opts.bind) }));
    });

  const plan = dns
    .command('plan')
    .description('what applying FILE would change in the zone: + add, ~ change (TTL, CNAME target), - delete')
    .argument('<zone>', 'zone domain or uuid')
    .argument('<file>', 'BIND zone file ("-" for stdin)')
    .option('--detailed-exitcode', 'exit 0 when nothing would change, 2 when something would, 1 on any error (usage errors too)')
    .option('--out <plan.json>', 'save the plan, for `vps dns apply ZONE --plan plan.json` to apply exactly it');
  addSafetyFlags(addScopeFlags(plan)).action(
    async (ref: string, file: string, opts: PlanFlags & { detailedExitcode?: boolean; out?: string }, command: Command) => {
      const ctx = new CommandContext(session, command);
      const planned = await makePlan(ctx, ctx.client(), ref, file, opts);
      if (ctx.json) ctx.io.stdout.write(jsonView(planJson(planned.plan)));
      else printPlan(ctx, planned.plan);
      if (planned.violation) ctx.notice(`warning: apply would be ${planned.violation}`);
      if (opts.out) {
        const saved = savePlan(planned.plan, planned.zone, planned.scoped, {
          ignore: planned.scope.ignore.map((r) => r.text),
          manageApexNs: Boolean(planned.scope.manageApexNs),
        });
        try {
          await writeFile(opts.out, `${JSON.stringify(saved, null, 2)}\n`);
        } catch (error) {
          throw new CliError(`cannot write ${opts.out}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
        }
        ctx.notice(`Plan saved to ${opts.out}: vps dns apply ${ref} --plan ${opts.out} applies exactly it.`);
      }
      if (opts.detailedExitcode && planSize(planned.plan) > 0) ctx.exitCode = EXIT.changes;
    },
  );

  registerDnsApply(dns, session);
}
