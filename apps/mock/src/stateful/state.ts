// Seed and snapshot: a fake can start with servers, zones and records for each token (`--seed state.json`,
// `createFake({ seed })`), and `GET /_mock/state` exports a token's account in the same format, so that a test can
// save what it built as a fixture. The format is the `Seed` schema of the /_mock/ routes' OpenAPI document.
import { randomUUID } from 'node:crypto';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { mockApi } from '../mock-api.js';
import { iso } from './answers.js';
import { catalogueProblem } from './catalogue.js';
import { ipv4Of, ipv6Of, settle } from './servers.js';
import type { Account, RecordState, Store, ZoneState } from './store.js';
import type { ValidateFunction } from 'ajv';

/** A seed that cannot be loaded: `field` names where, as `accounts.vps_x.servers[0].plan_id`. */
export class SeedError extends Error {
  // Declared, not defined: the constructor sets them, in the order the properties have always had.
  declare readonly field: string;

  constructor(field: string, reason: string) {
    super(`seed: ${field ? `${field}: ` : ''}${reason}`);
    this.name = 'SeedError';
    this.field = field;
  }
}

/** The seed format: the `Seed` schema of the /_mock/ routes' document (src/mock-api.json), which Ajv checks. */
export interface Seed {
  accounts: Record<string, { servers?: SeedServer[]; zones?: SeedZone[] }>;
}

export interface SeedServer {
  id?: number;
  name: string;
  hostname?: string | null;
  status?: string;
  plan_id: number;
  os_id: number;
  location: string;
  backups_enabled?: boolean;
  ip_address?: string | null;
  ipv6_address?: string | null;
  created_at?: string;
  updated_at?: string;
}

export interface SeedZone {
  uuid?: string;
  domain: string;
  created_at?: string;
  records?: SeedRecord[];
}

/** A record as createDnsZoneRecord takes it (its fields are checked by the API's own schema, not the seed's). */
export interface SeedRecord {
  uuid?: string;
  created_at?: string;
  record_type: string;
  name: string;
  value: string;
  ttl?: number;
  priority?: number | null;
}

let validateSeed: ValidateFunction<Seed> | undefined;
function seedValidator(): ValidateFunction<Seed> {
  if (validateSeed) return validateSeed;
  const ajv = new Ajv2020({ allErrors: false, strict: false });
  // ajv-formats is CommonJS: its default import is the plugin at run time, though NodeNext types it as the module.
  (addFormats as unknown as (ajv: Ajv2020) => unknown)(ajv);
  ajv.addSchema({ ...mockApi(), $id: 'mock-api' });
  return (validateSeed = ajv.getSchema<Seed>('mock-api#/components/schemas/Seed') ?? ajv.compile<Seed>({ $ref: 'mock-api#/components/schemas/Seed' }));
}

/** `/accounts/vps_x/servers/0/plan_id` as `accounts.vps_x.servers[0].plan_id`. */
const fieldOf = (parts: string[]) => parts.map((p, i) => (/^\d+$/.test(p) ? `[${p}]` : `${i ? '.' : ''}${p}`)).join('');

function timeOf(text: string | undefined, field: string) {
  if (text === undefined) return Date.now();
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw new SeedError(field, `"${text}" is not a date-time`);
  return ms;
}

/**
 * Loads a seed into an empty store; throws a SeedError naming the field of the first problem.
 * @param checkRecord The API's record rules.
 */
export function loadSeed(store: Store, seed: unknown, checkRecord: (input: unknown) => { detail: string; field: string | null } | null) {
  const validate = seedValidator();
  if (!validate(seed)) {
    const [error] = validate.errors ?? [];
    const parts = (error?.instancePath ?? '').split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
    const extra = (error?.params ?? {}) as { additionalProperty?: string; missingProperty?: string };
    const name = extra.additionalProperty ?? extra.missingProperty;
    throw new SeedError(fieldOf(name ? [...parts, name] : parts), extra.additionalProperty ? 'is not a field of the seed format' : (error?.message ?? 'is invalid'));
  }
  const { accounts } = seed;
  // Seeded ids are kept; servers seeded without one, and every server created later, get ids above them all.
  const seenIds = new Set<number>();
  for (const [token, input] of Object.entries(accounts)) {
    (input.servers ?? []).forEach((s, i) => {
      if (s.id === undefined) return;
      if (seenIds.has(s.id)) throw new SeedError(`accounts.${token}.servers[${i}].id`, `server id ${s.id} is seeded twice`);
      seenIds.add(s.id);
    });
  }
  store.lastServerId = Math.max(store.lastServerId, ...seenIds);
  for (const [token, input] of Object.entries(accounts)) {
    const account = store.account(token);
    const at = `accounts.${token}`;
    (input.servers ?? []).forEach((s, i) => {
      const field = `${at}.servers[${i}]`;
      const refused = catalogueProblem(s);
      if (refused) throw new SeedError(`${field}.${refused.field}`, refused.detail);
      const id = s.id ?? store.nextServerId();
      const status = s.status ?? 'active';
      const created = timeOf(s.created_at, `${field}.created_at`);
      // A seeded server has its addresses unless it is still being provisioned.
      const up = status !== 'provisioning';
      account.servers.set(id, {
        id,
        name: s.name,
        hostname: s.hostname ?? null,
        status,
        ip_address: s.ip_address !== undefined ? s.ip_address : up ? ipv4Of(id) : null,
        ipv6_address: s.ipv6_address !== undefined ? s.ipv6_address : up ? ipv6Of(id) : null,
        location: s.location,
        plan_id: s.plan_id,
        os_id: s.os_id,
        backups_enabled: s.backups_enabled ?? false,
        created,
        updated: timeOf(s.updated_at, `${field}.updated_at`),
        pending: null,
      });
    });
    (input.zones ?? []).forEach((z, i) => {
      const field = `${at}.zones[${i}]`;
      const domain = String(z.domain).toLowerCase().replace(/\.$/, '');
      if (account.domains.has(domain)) throw new SeedError(`${field}.domain`, `a zone for ${domain} is seeded twice`);
      const uuid = z.uuid ?? randomUUID();
      const zone: ZoneState = { uuid, domain, created: timeOf(z.created_at, `${field}.created_at`), records: new Map() };
      (z.records ?? []).forEach((r, j) => {
        const { uuid: recordUuid, created_at, ...fields } = r;
        const problem = checkRecord(fields);
        if (problem) throw new SeedError(`${field}.records[${j}]${problem.field ? `.${problem.field}` : ''}`, problem.detail);
        const record: RecordState = {
          uuid: recordUuid ?? randomUUID(),
          zone: uuid,
          record_type: fields.record_type,
          name: fields.name,
          value: fields.value,
          ttl: fields.ttl ?? 3600,
          priority: fields.priority ?? null,
          created: timeOf(created_at, `${field}.records[${j}].created_at`),
        };
        zone.records.set(record.uuid, record);
        account.records.set(record.uuid, record);
      });
      account.zones.set(uuid, zone);
      account.domains.set(domain, uuid);
    });
  }
  return store;
}

/**
 * One account as a seed holding only that token: what `GET /_mock/state` answers.
 * @param now Transitions due by then are ended first.
 */
export function exportAccount(token: string, account: Account | undefined, now: number = Date.now()) {
  const servers = [...(account?.servers.values() ?? [])].map((server) => settle(server, now)).map((s) => ({
    id: s.id,
    name: s.name,
    hostname: s.hostname,
    status: s.status,
    plan_id: s.plan_id,
    os_id: s.os_id,
    location: s.location,
    backups_enabled: s.backups_enabled,
    ip_address: s.ip_address,
    ipv6_address: s.ipv6_address,
    created_at: iso(s.created),
    updated_at: iso(s.updated),
  }));
  const zones = [...(account?.zones.values() ?? [])].map((z) => ({
    uuid: z.uuid,
    domain: z.domain,
    created_at: iso(z.created),
    records: [...z.records.values()].map((r) => ({
      uuid: r.uuid,
      record_type: r.record_type,
      name: r.name,
      value: r.value,
      ttl: r.ttl,
      ...(r.priority === null ? {} : { priority: r.priority }),
      created_at: iso(r.created),
    })),
  }));
  return { accounts: { [token]: { servers, zones } } };
}
