// `vps dns export|plan|apply`: a zone as a BIND zone file, and a zone file as the changes that make the zone match.
import { createInterface } from 'node:readline';
import { Command, Option } from 'commander';
import { CommandContext } from '../context.js';
import { describeError, EXIT, UsageError } from '../errors.js';
import type { Session } from '../context.js';
import { isDomain } from '../operations/zone-ref.js';
import { integer } from '../operations/values.js';
import { progress } from '../output/progress.js';
import { jsonView } from '../output/table.js';
import { applyPlan, type ApplyReport, type Step } from '../dns/apply-plan.js';
import { apiFields, planJson, planLines, planSummary } from '../dns/format-plan.js';
import { planChanges, planSize, type Plan } from '../dns/plan.js';
import { currentState, readZoneFile } from '../dns/zone-state.js';
import { clientWriter } from '../dns/zone-writer.js';
import { recordLine, writeZoneFile } from '../dns/zonefile/write-zone-file.js';
import type { ParsedZoneFile } from '../dns/zonefile/parse-zone-file.js';
import type { VpsClient } from '@vps-org/client';

interface Planned {
  plan: Plan;
  zone: { uuid: string; domain: string };
}

/** Reads the file (before anything is asked of the API when ZONE is a domain), then diffs it with the zone. */
async function makePlan(ctx: CommandContext, vps: VpsClient, ref: string, file: string): Promise<Planned> {
  let parsed: ParsedZoneFile | undefined = isDomain(ref) ? await readZoneFile(file, ref, ctx.io.stdin) : undefined;
  const state = await currentState(vps, ref);
  parsed ??= await readZoneFile(file, state.zone.domain, ctx.io.stdin);
  for (const notice of parsed.notices) ctx.notice(notice);
  return { plan: planChanges(parsed.records, state.records), zone: state.zone };
}

function printPlan(ctx: CommandContext, plan: Plan): void {
  const lines = planLines(plan);
  ctx.io.stdout.write(lines.length ? `${lines.join('\n')}\n` : 'No changes: the zone matches the file.\n');
  ctx.io.stdout.write(`${planSummary(plan)}\n`);
}

async function confirm(ctx: CommandContext, domain: string): Promise<boolean> {
  ctx.io.stderr.write(`Apply these changes to ${domain}? Only "yes" goes ahead: `);
  const rl = createInterface({ input: ctx.io.stdin });
  let answer = '';
  for await (const line of rl) {
    answer = line;
    break;
  }
  rl.close();
  return answer.trim().toLowerCase() === 'yes';
}

function stepLine(step: Step): string {
  const sign = { add: '+', change: '~', delete: '-' }[step.action];
  const record = step.action === 'change' ? step.record.desired : step.record;
  return `${sign} ${recordLine(record)}`;
}

function reportJson(report: ApplyReport): unknown {
  const fields = (step: Step): unknown =>
    step.action === 'change' ? { ...apiFields(step.record.desired), uuid: step.record.current.uuid } : apiFields(step.record);
  return {
    applied: report.applied,
    failed: report.failed.map(({ step, error }) => ({ action: step.action, record: fields(step), error: describeError(error) })),
    not_applied: report.notApplied.map((step) => ({ action: step.action, record: fields(step) })),
  };
}

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

  dns
    .command('apply')
    .description('plan, confirm, and make the zone match FILE (deletions last)')
    .argument('<zone>', 'zone domain or uuid')
    .argument('<file>', 'BIND zone file ("-" for stdin)')
    .option('-y, --yes', 'apply without asking')
    .addOption(new Option('--concurrency <n>', 'requests in flight at once').argParser(integer).default(8))
    .action(async (ref: string, file: string, opts: { yes?: boolean; concurrency: number }, command: Command) => {
      const ctx = new CommandContext(session, command);
      if (opts.concurrency < 1) throw new UsageError('--concurrency must be at least 1');
      if (file === '-' && !opts.yes) throw new UsageError('reading the zone file from stdin leaves no way to confirm: add --yes');
      const vps = ctx.client();
      const { plan, zone } = await makePlan(ctx, vps, ref, file);
      if (!ctx.json) printPlan(ctx, plan);
      if (planSize(plan) === 0) {
        if (ctx.json) ctx.io.stdout.write(jsonView(reportJson({ applied: { add: 0, change: 0, delete: 0 }, failed: [], notApplied: [] })));
        return;
      }
      if (!opts.yes) {
        if (!ctx.io.stdin.isTTY) {
          ctx.exitCode = EXIT.error;
          ctx.notice('error: not applied: no terminal to confirm on; pass --yes to apply without asking');
          return;
        }
        if (!(await confirm(ctx, zone.domain))) {
          ctx.exitCode = EXIT.error;
          ctx.notice('Not applied.');
          return;
        }
      }
      const shown = progress(ctx.io.stderr, !ctx.json);
      const report = await applyPlan(plan, clientWriter(vps, zone.uuid), {
        concurrency: opts.concurrency,
        onProgress: (done, total) => shown.update(`applying ${done}/${total}`),
      });
      shown.done();
      if (ctx.json) ctx.io.stdout.write(jsonView(reportJson(report)));
      const { add, change, delete: deleted } = report.applied;
      if (!report.failed.length) {
        if (!ctx.json) ctx.io.stdout.write(`Applied: ${add} added, ${change} changed, ${deleted} deleted.\n`);
        return;
      }
      ctx.exitCode = EXIT.error;
      if (ctx.json) return;
      const lines = [
        `error: the API refused a change; applied ${add} added, ${change} changed, ${deleted} deleted before stopping.`,
        ...report.failed.map(({ step, error }) => `failed: ${stepLine(step)}: ${describeError(error)}`),
        ...report.notApplied.map((step) => `not applied: ${stepLine(step)}`),
        'Run the same apply again to finish: what is done already will not be redone.',
      ];
      ctx.io.stderr.write(`${lines.join('\n')}\n`);
    });
}

