// `vps dns apply ZONE FILE` (or `--plan plan.json`): the plan, the safety rules, a confirmation, the writes, and a
// report of what was applied, refused, perhaps applied, and not applied.
import { createInterface } from 'node:readline';
import {
  apiFields,
  applyPlan,
  checkUnchanged,
  clientWriter,
  currentState,
  loadSavedPlan,
  outOfScope,
  parseIgnoreRule,
  planSize,
  recordLine,
  safetyViolation,
  type ApplyReport,
  type Plan,
  type Step,
  type ZoneId,
} from '@vps-org/dns';
import type { VpsClient } from '@vps-org/client';
import { Option, type Command } from 'commander';
import { CommandContext, type Session } from '../context.js';
import { CliError, describeError, EXIT, UsageError } from '../errors.js';
import { readText } from '../dns/read-zone-file.js';
import { integer } from '../operations/values.js';
import { progress } from '../output/progress.js';
import { jsonView } from '../output/table.js';
import { addSafetyFlags, addScopeFlags, makePlan, printPlan, safetyOptions, type PlanFlags } from './zone-plan.js';

/** How many lines of a long list (not applied, failed) are shown: the rest is a count. */
const SHOWN = 10;

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
  const failure = ({ step, error }: { step: Step; error: unknown }) => ({ action: step.action, record: fields(step), error: describeError(error) });
  return {
    applied: report.applied,
    failed: report.failed.map(failure),
    unknown: report.unknown.map(failure),
    not_applied: report.notApplied.map((step) => ({ action: step.action, record: fields(step) })),
  };
}

/** A list as its count and its first lines. */
function firstLines(label: string, lines: string[]): string[] {
  if (!lines.length) return [];
  const more = lines.length > SHOWN ? `, the first ${SHOWN}` : '';
  const rest = lines.length > SHOWN ? [`  ... and ${lines.length - SHOWN} more`] : [];
  return [`${label}: ${lines.length}${more}:`, ...lines.slice(0, SHOWN).map((l) => `  ${l}`), ...rest];
}

function reportLines(report: ApplyReport): string[] {
  const { add, change, delete: deleted } = report.applied;
  const applied = `applied ${add} added, ${change} changed, ${deleted} deleted before stopping`;
  const cause = report.failed.length
    ? `error: the API refused a change; ${applied}.`
    : `error: the API could not be reached or failed (${describeError(report.unknown[0]!.error)}); ${applied}.`;
  return [
    cause,
    ...report.failed.map(({ step, error }) => `failed: ${stepLine(step)}: ${describeError(error)}`),
    ...firstLines('unknown (sent, no answer: may have been applied)', report.unknown.map(({ step }) => stepLine(step))),
    ...firstLines('not applied', report.notApplied.map(stepLine)),
    'Run the same apply again to finish: what is done already will not be redone.',
  ];
}

interface ApplyOpts extends PlanFlags {
  yes?: boolean;
  concurrency: number;
  plan?: string;
}

/** A saved plan, checked against the zone as it is now. */
async function savedPlan(ctx: CommandContext, vps: VpsClient, ref: string, path: string): Promise<{ plan: Plan; zone: ZoneId }> {
  const saved = loadSavedPlan(await readText(path, ctx.io.stdin), path);
  const state = await currentState(vps, ref);
  const scope = { ignore: saved.scope.ignore.map(parseIgnoreRule), manageApexNs: saved.scope.manageApexNs };
  checkUnchanged(saved, state.zone, state.records.filter((r) => !outOfScope(r, scope)));
  return { plan: saved.plan, zone: state.zone };
}

export function registerDnsApply(dns: Command, session: Session): void {
  const apply = dns
    .command('apply')
    .description('plan, confirm, and make the zone match FILE (deletions last); or apply a saved plan')
    .argument('<zone>', 'zone domain or uuid')
    .argument('[file]', 'BIND zone file ("-" for stdin)')
    .option('--plan <plan.json>', 'apply exactly this saved plan (vps dns plan --out), refused if the zone changed since')
    .option('-y, --yes', 'apply without asking')
    .addOption(new Option('--concurrency <n>', 'requests in flight at once').argParser(integer).default(8));
  addSafetyFlags(addScopeFlags(apply)).action(async (ref: string, file: string | undefined, opts: ApplyOpts, command: Command) => {
    const ctx = new CommandContext(session, command);
    if (opts.concurrency < 1) throw new UsageError('--concurrency must be at least 1');
    if ((file === undefined) === (opts.plan === undefined)) throw new UsageError('give either FILE or --plan plan.json');
    if (opts.plan && (opts.ignore.length || opts.skipUnsupported || opts.manageApexNs)) {
      throw new UsageError('--ignore, --skip-unsupported and --manage-apex-ns belong to the plan: give them to vps dns plan --out');
    }
    if ((file === '-' || opts.plan === '-') && !opts.yes) throw new UsageError('reading from stdin leaves no way to confirm: add --yes');
    const vps = ctx.client();
    const { plan, zone } = opts.plan ? await savedPlan(ctx, vps, ref, opts.plan) : await makePlan(ctx, vps, ref, file!, opts);
    if (!ctx.json) printPlan(ctx, plan);
    const violation = safetyViolation(plan, safetyOptions(opts));
    if (violation) throw new CliError(violation);
    if (planSize(plan) === 0) {
      if (ctx.json) ctx.io.stdout.write(jsonView(reportJson({ applied: { add: 0, change: 0, delete: 0 }, failed: [], unknown: [], notApplied: [] })));
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
    const report = await applyPlan(plan, clientWriter(vps, zone), {
      concurrency: opts.concurrency,
      onProgress: (done, total) => shown.update(`applying ${done}/${total}`),
    });
    shown.done();
    if (ctx.json) ctx.io.stdout.write(jsonView(reportJson(report)));
    if (!report.failed.length && !report.unknown.length) {
      const { add, change, delete: deleted } = report.applied;
      if (!ctx.json) ctx.io.stdout.write(`Applied: ${add} added, ${change} changed, ${deleted} deleted.\n`);
      return;
    }
    ctx.exitCode = EXIT.error;
    if (!ctx.json) ctx.io.stderr.write(`${reportLines(report).join('\n')}\n`);
  });
}
