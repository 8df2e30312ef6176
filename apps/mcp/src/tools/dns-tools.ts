// DNS as code, on `@vps-org/dns` as the CLI's `vps dns export|plan|apply` uses it: a zone as a BIND zone file,
// a zone file's text as a plan, and the apply of a plan that refuses when the zone changed since it was made.
import {
  apiFields,
  applyPlan,
  checkUnchanged,
  clientWriter,
  currentState,
  outOfScope,
  parseIgnoreRule,
  parseZoneFile,
  planJson,
  planLines,
  planSize,
  planSummary,
  planZone,
  safetyViolation,
  savePlan,
  SAFETY_DEFAULTS,
  writeZoneFile,
  type IgnoreRule,
  type Step,
} from '@vps-org/dns';
import type { JsonObject } from '@vps-org/openapi';
import { RefusedCall } from '../errors.js';
import { PortableSchema } from '../schemas/portable.js';
import type { PlanStore } from './dns-plans.js';
import type { VpsTool } from './tool.js';

export const DNS_GROUP = 'dns';
/** Writes in flight at once during an apply, as the CLI's default. */
const APPLY_CONCURRENCY = 8;

const zoneInput = {
  type: 'string',
  minLength: 1,
  maxLength: 253,
  description: 'The zone: its domain (`example.com`) or its uuid.',
};

function schemas(spec: JsonObject) {
  const s = new PortableSchema(spec);
  const zone = {
    type: 'object',
    properties: { uuid: { type: 'string' }, domain: { type: 'string' } },
    required: ['uuid', 'domain'],
    additionalProperties: false,
  };
  // A record in the API's field names; `uuid` on the records the zone holds.
  const record = {
    type: 'object',
    properties: {
      uuid: { type: 'string' },
      record_type: s.convert({ $ref: '#/components/schemas/DnsRecordType' }),
      name: { type: 'string' },
      value: { type: 'string' },
      ttl: s.convert({ $ref: '#/components/schemas/DnsTtl' }),
      priority: { type: ['integer', 'null'] },
    },
    required: ['record_type', 'name', 'value', 'ttl', 'priority'],
    additionalProperties: false,
  };
  const change = {
    ...record,
    properties: {
      ...record.properties,
      from: { type: 'object', properties: { ttl: { type: 'integer' }, value: { type: 'string' } }, required: ['ttl', 'value'] },
    },
    required: [...record.required, 'uuid', 'from'],
  };
  const list = (items: JsonObject) => ({ type: 'array', items });
  const steps = (extra: JsonObject = {}) =>
    list({ type: 'object', properties: { action: { enum: ['add', 'change', 'delete'] }, record: { type: 'object' }, ...extra }, required: ['action', 'record'] });
  return {
    s,
    zone,
    plan: { type: 'object', properties: { add: list(record), change: list(change), delete: list(record) }, required: ['add', 'change', 'delete'] },
    applied: {
      type: 'object',
      properties: { add: { type: 'integer' }, change: { type: 'integer' }, delete: { type: 'integer' } },
      required: ['add', 'change', 'delete'],
    },
    steps,
  };
}

function stepJson(step: Step): JsonObject {
  const record = step.action === 'change' ? { ...apiFields(step.record.desired), uuid: step.record.current.uuid } : apiFields(step.record);
  return { action: step.action, record };
}

export function dnsTools(spec: JsonObject, plans: PlanStore): VpsTool[] {
  const shapes = schemas(spec);
  const doc = (root: JsonObject) => shapes.s.document(root);
  const readOnly = (title: string) => ({ title, readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true });

  const exportTool: VpsTool = {
    name: 'dns_export',
    group: DNS_GROUP,
    title: 'Export a DNS zone as a BIND zone file',
    description:
      "Export a DNS zone as a BIND zone file: the zone's records ($ORIGIN, $TTL, one record a line), without " +
      "VPS.org's own apex NS records. Edit it and give it to dns_plan to see what would change.",
    inputSchema: doc({ type: 'object', properties: { zone: zoneInput }, required: ['zone'], additionalProperties: false }),
    outputSchema: doc({
      type: 'object',
      properties: { zone: shapes.zone, zone_file: { type: 'string' }, records: { type: 'integer' } },
      required: ['zone', 'zone_file', 'records'],
      additionalProperties: false,
    }),
    annotations: readOnly('Export a DNS zone as a BIND zone file'),
    destructive: false,
    describeCall: (args) => `export ${String(args.zone)}`,
    async run(args, ctx) {
      const { zone, records } = await currentState(ctx.client(), String(args.zone));
      const zoneFile = writeZoneFile(zone.domain, records);
      return {
        structured: { zone: { uuid: zone.uuid, domain: zone.domain }, zone_file: zoneFile, records: records.length },
        summary: `${zone.domain}: ${records.length} records.\n${zoneFile}`,
      };
    },
  };

  const planTool: VpsTool = {
    name: 'dns_plan',
    group: DNS_GROUP,
    title: 'Plan the changes that make a DNS zone match a zone file',
    description:
      'Plan the changes that make a DNS zone match a BIND zone file: records to add, to change in place (TTL or ' +
      'priority) and to delete, as `vps dns plan` shows them. Changes nothing. SOA records, types the API does not ' +
      "store and VPS.org's own apex NS records are left out, each with a notice. Answers a plan_id that dns_apply takes.",
    inputSchema: doc({
      type: 'object',
      properties: {
        zone: zoneInput,
        zone_file: { type: 'string', minLength: 1, maxLength: 4_000_000, description: 'The zone file’s text.' },
        ignore: {
          type: 'array',
          items: { type: 'string', pattern: '^[^:\\s]+(:[A-Za-z0-9]+)?$' },
          description: 'Records to leave alone, `NAME[:TYPE]` relative to the zone, `*` a wildcard (e.g. `_acme-challenge:TXT`); a file can also say `; vps:ignore NAME[:TYPE]`.',
        },
        skip_unsupported: { type: 'boolean', description: 'Leave out records of types the API does not hold (each noticed) instead of refusing the file.' },
        manage_apex_ns: { type: 'boolean', description: "Plan apex NS records too (by default they are the provider's, and skipped)." },
        force: { type: 'boolean', description: 'Let dns_apply carry out a plan the safety rules refuse. Only when the person asked for it.' },
        max_delete_ratio: {
          type: 'number',
          minimum: 0,
          maximum: 1,
          description: `The share of the zone that a plan's deletions and changes may not reach before the safety rules refuse it (default ${SAFETY_DEFAULTS.maxDeleteRatio}).`,
        },
      },
      required: ['zone', 'zone_file'],
      additionalProperties: false,
    }),
    outputSchema: doc({
      type: 'object',
      properties: {
        plan_id: { type: 'string' },
        zone: shapes.zone,
        plan: shapes.plan,
        summary: { type: 'string' },
        lines: { type: 'array', items: { type: 'string' } },
        notices: { type: 'array', items: { type: 'string' } },
        refused: { type: ['string', 'null'], description: 'Why the safety rules refuse this plan (dns_apply will too), or null.' },
      },
      required: ['plan_id', 'zone', 'plan', 'summary', 'lines', 'notices', 'refused'],
      additionalProperties: false,
    }),
    annotations: readOnly('Plan the changes that make a DNS zone match a zone file'),
    destructive: false,
    describeCall: (args) => `plan ${String(args.zone)}`,
    async run(args, ctx) {
      const state = await currentState(ctx.client(), String(args.zone));
      const parsed = parseZoneFile(String(args.zone_file), {
        zone: state.zone.domain,
        file: 'zone_file',
        skipUnsupported: args.skip_unsupported === true,
      });
      const ignore: IgnoreRule[] = [...((args.ignore ?? []) as string[]).map(parseIgnoreRule), ...parsed.ignore];
      const scope = { ignore, manageApexNs: args.manage_apex_ns === true };
      // As `vps dns plan` does: the file's records and the zone's, each cut to the plan's scope, then the safety rules.
      const { plan, notices } = planZone(parsed.records, state.records, { ...scope, file: 'zone_file' });
      const scoped = state.records.filter((r) => !outOfScope(r, scope));
      const safety = {
        force: args.force === true,
        ...(typeof args.max_delete_ratio === 'number' && { maxDeleteRatio: args.max_delete_ratio }),
      };
      const violation = safetyViolation(plan, safety);
      const saved = savePlan(plan, state.zone, scoped, { ignore: ignore.map((r) => r.text), manageApexNs: scope.manageApexNs });
      const stored = plans.add(saved, safety, violation);
      const lines = planLines(plan);
      const summary = planSummary(plan);
      return {
        structured: {
          plan_id: stored.id,
          zone: { uuid: state.zone.uuid, domain: state.zone.domain },
          plan: planJson(plan),
          summary,
          lines,
          notices: [...parsed.notices, ...notices],
          refused: violation ?? null,
        },
        summary: [
          lines.length ? lines.join('\n') : 'No changes: the zone matches the file.',
          summary,
          violation ? `The safety rules refuse it: ${violation}` : `plan_id: ${stored.id}`,
        ].join('\n'),
      };
    },
  };

  /** The stored plan, if it exists and the safety rules let it be applied. */
  const known = (id: string) => {
    const stored = plans.get(id);
    if (!stored) throw new RefusedCall(`No plan ${id}: plans last an hour and are applied once; run dns_plan again.`);
    if (stored.violation) {
      throw new RefusedCall(`Not applied: the safety rules refuse plan ${id}: ${stored.violation} (here: dns_plan again with "force": true or a larger "max_delete_ratio", if the person wants this).`);
    }
    return stored;
  };
  const applyTool: VpsTool = {
    name: 'dns_apply',
    group: DNS_GROUP,
    title: 'Apply a DNS plan',
    description:
      'Apply a plan that dns_plan answered: adds and changes first, deletions last. Refuses when the zone has ' +
      'changed since the plan was made (plan again), and stops at the first write the API refuses, reporting what ' +
      'was applied, what failed and what was not applied. A plan is applied once.',
    inputSchema: doc({
      type: 'object',
      properties: { plan_id: { type: 'string', minLength: 1, maxLength: 64, description: 'The plan_id dns_plan answered.' } },
      required: ['plan_id'],
      additionalProperties: false,
    }),
    outputSchema: doc({
      type: 'object',
      properties: {
        zone: shapes.zone,
        applied: shapes.applied,
        failed: shapes.steps({ error: { type: 'string' } }),
        not_applied: shapes.steps(),
      },
      required: ['zone', 'applied', 'failed', 'not_applied'],
      additionalProperties: false,
    }),
    annotations: { title: 'Apply a DNS plan', readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true },
    destructive: true,
    precheck: (args) => void known(String(args.plan_id)),
    describeCall(args) {
      const { saved } = known(String(args.plan_id));
      return `apply to ${saved.zone.domain}: ${planSummary(saved.plan)}`;
    },
    async run(args, ctx) {
      const id = String(args.plan_id);
      const { saved } = known(id);
      const vps = ctx.client();
      // The records in the plan's scope now must be those it was made against (the DNS package's digest).
      const now = await currentState(vps, saved.zone.uuid);
      const scope = { ignore: saved.scope.ignore.map(parseIgnoreRule), manageApexNs: saved.scope.manageApexNs };
      checkUnchanged(saved, now.zone, now.records.filter((r) => !outOfScope(r, scope)));
      plans.spend(id);
      const total = planSize(saved.plan);
      const report = await applyPlan(saved.plan, clientWriter(vps, saved.zone), {
        concurrency: APPLY_CONCURRENCY,
        onProgress: (done) => void ctx.progress(done, `applied ${done} of ${total}`, total).catch(() => undefined),
      });
      const { add, change, delete: deleted } = report.applied;
      const structured = {
        zone: { ...saved.zone },
        applied: report.applied,
        failed: report.failed.map(({ step, error }) => ({ ...stepJson(step), error: error instanceof Error ? error.message : String(error) })),
        not_applied: report.notApplied.map(stepJson),
      };
      const applied = `${add} added, ${change} changed, ${deleted} deleted`;
      if (!report.failed.length) return { structured, summary: `Applied to ${saved.zone.domain}: ${applied}.` };
      return {
        structured,
        isError: true,
        summary: `The API refused a change; applied ${applied} before stopping. Plan again to finish: what is done stays done.`,
      };
    },
  };

  return [exportTool, planTool, applyTool];
}
