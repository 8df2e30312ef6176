// DNS: zones unique by domain, records that live in their zone and obey the spec's record rules, filters on the
// record list, and a zone delete that takes its records with it.
import { randomUUID } from 'node:crypto';
import { filterValue, iso, json, noContent } from './answers.js';
import type { Call, Fail } from './answers.js';
import type { RecordState, ZoneState } from './store.js';

// The record types whose `priority` means something; on every other type it is null.
const PRIORITISED = new Set(['MX', 'SRV']);

/** DNS names are case-insensitive and may end in the root's dot. */
const normalise = (domain: string) => domain.toLowerCase().replace(/\.$/, '');

const recordBody = (r: RecordState) => ({
  uuid: r.uuid,
  record_type: r.record_type,
  name: r.name,
  value: r.value,
  ttl: r.ttl,
  priority: r.priority,
  created_at: iso(r.created),
});

const zoneSummary = (z: ZoneState) => ({ uuid: z.uuid, domain: z.domain, created_at: iso(z.created), record_count: z.records.size });

/** The fields of a record input, with `priority` kept only where it belongs and the TTL defaulted as the spec says. */
function recordFields(input: Record<string, unknown>) {
  return {
    record_type: String(input.record_type),
    name: String(input.name),
    value: String(input.value),
    ttl: typeof input.ttl === 'number' ? input.ttl : 3600,
    priority: PRIORITISED.has(String(input.record_type)) && typeof input.priority === 'number' ? input.priority : null,
  };
}

export function dnsOperations({ fail, notFound, checkRecord }: {
    fail: Fail; notFound: (call: Call) => Response;
    checkRecord: (input: unknown) => { detail: string; error_code: string; field: string | null } | null;
  }) {
  const zoneOf = (call: Call) => call.account.zones.get(call.params.uuid ?? '');
  const recordOf = (call: Call) => call.account.records.get(call.params.uuid ?? '');

  const addRecord = (call: Call, zone: ZoneState) => {
    const record: RecordState = { uuid: randomUUID(), zone: zone.uuid, ...recordFields(call.body as Record<string, unknown>), created: call.now };
    zone.records.set(record.uuid, record);
    call.account.records.set(record.uuid, record);
    return record;
  };

  const operations: Record<string, (call: Call) => Response> = {
    listDnsZones(call) {
      const domain = filterValue(call.url, 'domain');
      const zones = [...call.account.zones.values()].filter((z) => domain === null || z.domain === normalise(domain));
      return json(200, zones.map(zoneSummary));
    },

    createDnsZone(call) {
      const domain = normalise(String((call.body as { domain: string }).domain));
      if (call.account.domains.has(domain)) {
        return fail(400, { detail: 'A zone for this domain already exists.', error_code: 'validation_error', field: 'domain' });
      }
      const zone: ZoneState = { uuid: randomUUID(), domain, created: call.now, records: new Map() };
      call.account.zones.set(zone.uuid, zone);
      call.account.domains.set(domain, zone.uuid);
      return json(201, { ...zoneSummary(zone), records: [] });
    },

    getDnsZone(call) {
      const zone = zoneOf(call);
      if (!zone) return notFound(call);
      return json(200, { ...zoneSummary(zone), records: [...zone.records.values()].map(recordBody) });
    },

    deleteDnsZone(call) {
      const zone = zoneOf(call);
      if (!zone) return notFound(call);
      for (const uuid of zone.records.keys()) call.account.records.delete(uuid);
      call.account.zones.delete(zone.uuid);
      call.account.domains.delete(zone.domain);
      return noContent();
    },

    listDnsZoneRecords(call) {
      const zone = zoneOf(call);
      return zone ? json(200, [...zone.records.values()].map(recordBody)) : notFound(call);
    },

    createDnsZoneRecord(call) {
      const zone = zoneOf(call);
      return zone ? json(201, recordBody(addRecord(call, zone))) : notFound(call);
    },

    listDnsRecords(call) {
      const zone = filterValue(call.url, 'zone');
      const type = filterValue(call.url, 'record_type');
      const source = zone === null ? call.account.records.values() : (call.account.zones.get(zone)?.records.values() ?? []);
      const records = [...source].filter((r) => type === null || r.record_type === type);
      return json(200, records.map(recordBody));
    },

    getDnsRecord(call) {
      const record = recordOf(call);
      return record ? json(200, recordBody(record)) : notFound(call);
    },

    updateDnsRecord(call) {
      const record = recordOf(call);
      if (!record) return notFound(call);
      Object.assign(record, recordFields(call.body as Record<string, unknown>));
      return json(200, recordBody(record));
    },

    patchDnsRecord(call) {
      const record = recordOf(call);
      if (!record) return notFound(call);
      const patch = call.body as Record<string, unknown>;
      const { record_type, name, value, ttl } = record;
      const merged: Record<string, unknown> = { record_type, name, value, ttl, ...(PRIORITISED.has(record_type) ? { priority: record.priority } : {}) };
      for (const [key, v] of Object.entries(patch)) if (v !== undefined) merged[key] = v;
      // A change of type drops a priority the new type does not take, unless the patch itself sets one.
      if (!PRIORITISED.has(String(merged.record_type)) && !('priority' in patch)) delete merged.priority;
      if (merged.priority === null) delete merged.priority;
      // The API checks the result as a whole: an MX record keeps needing a priority.
      const problem = checkRecord(merged);
      if (problem) return fail(400, problem);
      Object.assign(record, recordFields(merged));
      return json(200, recordBody(record));
    },

    deleteDnsRecord(call) {
      const record = recordOf(call);
      if (!record) return notFound(call);
      call.account.records.delete(record.uuid);
      call.account.zones.get(record.zone)?.records.delete(record.uuid);
      return noContent();
    },
  };
  return operations;
}
