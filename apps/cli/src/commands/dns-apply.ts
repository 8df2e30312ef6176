// `vps dns apply ZONE FILE`: the plan, a confirmation, the writes, and a report of what was and was not applied.
import { createInterface } from 'node:readline';
import { Option, type Command } from 'commander';
import { CommandContext, type Session } from '../context.js';
import { describeError, EXIT, UsageError } from '../errors.js';
import { integer } from '../operations/values.js';
import { progress } from '../output/progress.js';
import { jsonView } from '../output/table.js';
import { apiFields, applyPlan, clientWriter, planSize, recordLine, type ApplyReport, type Step } from '@vps-org/dns';
import { makePlan, printPlan } from './zone-plan.js';

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

export function registerDnsApply(dns: Command, session: Session): void {
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
