// The API's side of a plan: the records it holds for a zone, in the planner's terms.
import type { DnsRecord, VpsClient } from '@vps-org/client';
import { isProviderRecord } from './provider-records.js';
import { isRecordType, stripDot, type CurrentRecord } from './records.js';
import { findZone, type ZoneId } from './zone-ref.js';
import { relativeName } from './zonefile/names.js';

/** An API record in the planner's terms; the API may name it `@`, relatively or fully qualified. */
export function fromApi(record: DnsRecord, zone: string): CurrentRecord | undefined {
  if (!isRecordType(record.record_type)) return undefined;
  const apex = stripDot(zone).toLowerCase();
  const raw = stripDot(record.name).toLowerCase();
  const name = raw === '@' ? '@' : (relativeName(raw, apex) ?? raw);
  return { uuid: record.uuid, name, type: record.record_type, value: record.value, ttl: record.ttl, priority: record.priority ?? null };
}

export interface ZoneState {
  zone: ZoneId;
  records: CurrentRecord[];
}

/** The zone (a domain or a uuid) and its records, without VPS.org's own apex NS records. */
export async function currentState(vps: VpsClient, ref: string): Promise<ZoneState> {
  const zone = await findZone(vps, ref);
  const records = (await vps.dnsZones.listRecords(zone.uuid))
    .map((r) => fromApi(r, zone.domain))
    .filter((r): r is CurrentRecord => r !== undefined && !isProviderRecord(r));
  return { zone, records };
}
