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

/** @typedef {import('./store.js').Store} Store */
/** @typedef {import('./store.js').Account} Account */

/** A seed that cannot be loaded: `field` names where, as `accounts.vps_x.servers[0].plan_id`. */
export class SeedError extends Error {
  /** @param {string} field @param {string} reason */
  constructor(field, reason) {
    super(`seed: ${field ? `${field}: ` : ''}${reason}`);
    this.name = 'SeedError';
    this.field = field;
  }
}

/** @type {import('ajv').ValidateFunction | undefined} */
let validateSeed;
function seedValidator() {
  if (validateSeed) return validateSeed;
  const ajv = new Ajv2020({ allErrors: false, strict: false });
  /** @type {(ajv: import('ajv').default) => unknown} */ (/** @type {unknown} */ (addFormats))(/** @type {any} */ (ajv));
  ajv.addSchema({ ...mockApi(), $id: 'mock-api' });
  return (validateSeed = ajv.getSchema('mock-api#/components/schemas/Seed') ?? ajv.compile({ $ref: 'mock-api#/components/schemas/Seed' }));
}

/** `/accounts/vps_x/servers/0/plan_id` as `accounts.vps_x.servers[0].plan_id`. @param {string[]} parts */
const fieldOf = (parts) => parts.map((p, i) => (/^\d+$/.test(p) ? `[${p}]` : `${i ? '.' : ''}${p}`)).join('');

/** @param {string | undefined} text @param {string} field */
function timeOf(text, field) {
  if (text === undefined) return Date.now();
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw new SeedError(field, `"${text}" is not a date-time`);
  return ms;
}

/**
 * Loads a seed into an empty store; throws a SeedError naming the field of the first problem.
 * @param {Store} store
 * @param {unknown} seed
 * @param {(input: unknown) => { detail: string, field: string | null } | null} checkRecord The API's record rules.
 */
export function loadSeed(store, seed, checkRecord) {
  const validate = seedValidator();
  if (!validate(seed)) {
    const [error] = validate.errors ?? [];
    const parts = (error?.instancePath ?? '').split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
    const extra = /** @type {{ additionalProperty?: string, missingProperty?: string }} */ (error?.params ?? {});
    const name = extra.additionalProperty ?? extra.missingProperty;
    throw new SeedError(fieldOf(name ? [...parts, name] : parts), extra.additionalProperty ? 'is not a field of the seed format' : (error?.message ?? 'is invalid'));
  }
  const { accounts } = /** @type {{ accounts: Record<string, any> }} */ (seed);
  // Seeded ids are kept; servers seeded without one, and every server created later, get ids above them all.
  const seenIds = new Set();
  for (const [token, input] of Object.entries(accounts)) {
    (input.servers ?? []).forEach((/** @type {any} */ s, /** @type {number} */ i) => {
      if (s.id === undefined) return;
      if (seenIds.has(s.id)) throw new SeedError(`accounts.${token}.servers[${i}].id`, `server id ${s.id} is seeded twice`);
      seenIds.add(s.id);
    });
  }
  store.lastServerId = Math.max(store.lastServerId, ...seenIds);
  for (const [token, input] of Object.entries(accounts)) {
    const account = store.account(token);
    const at = `accounts.${token}`;
    (input.servers ?? []).forEach((/** @type {any} */ s, /** @type {number} */ i) => {
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
    (input.zones ?? []).forEach((/** @type {any} */ z, /** @type {number} */ i) => {
      const field = `${at}.zones[${i}]`;
      const domain = String(z.domain).toLowerCase().replace(/\.$/, '');
      if (account.domains.has(domain)) throw new SeedError(`${field}.domain`, `a zone for ${domain} is seeded twice`);
      const uuid = z.uuid ?? randomUUID();
      /** @type {import('./store.js').ZoneState} */
      const zone = { uuid, domain, created: timeOf(z.created_at, `${field}.created_at`), records: new Map() };
      (z.records ?? []).forEach((/** @type {any} */ r, /** @type {number} */ j) => {
        const { uuid: recordUuid, created_at, ...fields } = r;
        const problem = checkRecord(fields);
        if (problem) throw new SeedError(`${field}.records[${j}]${problem.field ? `.${problem.field}` : ''}`, problem.detail);
        const record = {
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
 * @param {string} token
 * @param {Account | undefined} account
 * @param {number} [now] Transitions due by then are ended first.
 */
export function exportAccount(token, account, now = Date.now()) {
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
