// A DNS record as the CLI plans with it: the API's fields, with `name` relative to the zone (`@`, `www`).
import { isIPv6 } from 'node:net';

/** The record types a zone file may hold here: the ones the API stores. */
export const RECORD_TYPES = ['A', 'AAAA', 'CNAME', 'MX', 'TXT', 'NS', 'SRV', 'CAA'] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

export function isRecordType(type: string): type is RecordType {
  return (RECORD_TYPES as readonly string[]).includes(type);
}

export interface ZoneRecord {
  /** Relative to the zone: `@` for its apex, `www`, `_sip._tcp`. */
  name: string;
  type: RecordType;
  /** The value as the API takes it: an MX's host, an SRV's `weight port target`, a CAA's `flags tag "value"`. */
  value: string;
  ttl: number;
  /** An MX's or SRV's priority; null for the other types. */
  priority: number | null;
}

/** A record the API holds. */
export interface CurrentRecord extends ZoneRecord {
  uuid: string;
}

/** A record read from a zone file, with the line it starts on. */
export interface FileRecord extends ZoneRecord {
  line: number;
}

/** Types whose value is (or ends with) a host name, compared without case or trailing dot. */
const HOST_VALUED = new Set<RecordType>(['CNAME', 'NS', 'MX']);

export function stripDot(name: string): string {
  return name.length > 1 && name.endsWith('.') ? name.slice(0, -1) : name;
}

/** IPv6 in its one canonical text form (lower case, zeros compressed), as the URL standard writes it. */
function canonicalIpv6(address: string): string {
  return isIPv6(address) ? new URL(`http://[${address}]/`).hostname.slice(1, -1) : address;
}

/** The value in the form two equal records share, whatever way each was written. */
export function canonicalValue(type: RecordType, value: string): string {
  if (type === 'AAAA') return canonicalIpv6(value);
  if (HOST_VALUED.has(type)) return stripDot(value).toLowerCase();
  if (type === 'SRV') {
    const [weight, port, target = ''] = value.split(/\s+/);
    return `${weight} ${port} ${stripDot(target).toLowerCase()}`;
  }
  if (type === 'CAA') {
    const m = /^(\d+)\s+(\S+)\s+(.*)$/.exec(value);
    if (!m) return value;
    const text = m[3]!.startsWith('"') && m[3]!.endsWith('"') ? m[3]!.slice(1, -1) : m[3]!;
    return `${m[1]} ${m[2]!.toLowerCase()} ${text}`;
  }
  return value;
}

/** Types whose priority is part of the record's data: `MX 10 mx` and `MX 20 mx` are two records. */
export const PRIORITISED = new Set<RecordType>(['MX', 'SRV']);

/**
 * What makes a record the same record: name, type, value and (MX, SRV) priority; a TTL changes in place. A name
 * holds one CNAME at most, so a CNAME is keyed by its name alone and a new target is a change of its value.
 */
export function recordKey(record: Pick<ZoneRecord, 'name' | 'type' | 'value' | 'priority'>): string {
  const name = `${record.name.toLowerCase()}\t${record.type}`;
  if (record.type === 'CNAME') return name;
  const priority = PRIORITISED.has(record.type) ? `\t${record.priority ?? 0}` : '';
  return `${name}\t${canonicalValue(record.type, record.value)}${priority}`;
}

/** True when two records of one key hold the same data (a CNAME's target included). */
export function sameValue(a: ZoneRecord, b: ZoneRecord): boolean {
  return canonicalValue(a.type, a.value) === canonicalValue(b.type, b.value);
}
