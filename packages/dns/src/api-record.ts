// Records in the API's terms. The API reads a name without a trailing dot that ends in the zone's own name as fully
// qualified (`www.example.com` in `example.com` is `www`; inferred from the spec's "a subdomain, or a fully
// qualified name", and listed in spec/README.md's inferred facts), so a relative name that ends so (BIND's
// `www.example.com.example.com.`) is sent with its dot.
import type { DnsRecord, DnsRecordInput } from '@vps-org/client';
import { isRecordType, PRIORITISED, stripDot, type CurrentRecord, type ZoneRecord } from './records.js';
import { relativeName } from './zonefile/names.js';

const apexOf = (zone: string): string => stripDot(zone).toLowerCase();

/** The name to send for a record's (relative) name. */
export function apiName(name: string, zone: string): string {
  const apex = apexOf(zone);
  const lower = name.toLowerCase();
  return lower === apex || lower.endsWith(`.${apex}`) ? `${name}.${apex}.` : name;
}

/** The body that creates the record. */
export function apiInput(record: ZoneRecord, zone: string): DnsRecordInput {
  const input = { record_type: record.type, name: apiName(record.name, zone), value: record.value, ttl: record.ttl };
  return (PRIORITISED.has(record.type) ? { ...input, priority: record.priority ?? 0 } : input) as DnsRecordInput;
}

/** An API record in the planner's terms (undefined for a type the planner does not know). */
export function fromApi(record: DnsRecord, zone: string): CurrentRecord | undefined {
  if (!isRecordType(record.record_type)) return undefined;
  const apex = apexOf(zone);
  const raw = record.name.toLowerCase();
  let name: string;
  if (raw === '@') name = '@';
  else if (raw.endsWith('.')) name = relativeName(stripDot(raw), apex) ?? stripDot(raw);
  else name = relativeName(raw, apex) ?? raw;
  return { uuid: record.uuid, name, type: record.record_type, value: record.value, ttl: record.ttl, priority: record.priority ?? null };
}
