// Writes records as a BIND zone file: `$ORIGIN`, `$TTL` (the most common TTL), one record a line in a fixed order
// (name, type, value), owner names relative to the origin, host names absolute (trailing dot), TXT quoted in strings
// of at most 255 bytes.
import { isProviderRecord } from '../provider-records.js';
import { canonicalValue, stripDot, type ZoneRecord } from '../records.js';
import { quoteString, txtData } from './txt.js';

/** One record's data as a zone file writes it (MX and SRV with their priority first). */
export function rdataText(record: Pick<ZoneRecord, 'type' | 'value' | 'priority'>): string {
  const absolute = (host: string): string => (host === '.' ? '.' : `${stripDot(host)}.`);
  switch (record.type) {
    case 'CNAME':
    case 'NS':
      return absolute(record.value);
    case 'MX':
      return `${record.priority ?? 0} ${absolute(record.value)}`;
    case 'SRV': {
      const [weight, port, target = '.'] = record.value.split(/\s+/);
      return `${record.priority ?? 0} ${weight} ${port} ${absolute(target)}`;
    }
    case 'TXT':
      return txtData(record.value);
    case 'CAA': {
      const m = /^(\d+)\s+(\S+)\s+(.*)$/.exec(record.value);
      if (!m) return record.value;
      const text = m[3]!.startsWith('"') && m[3]!.endsWith('"') && m[3]!.length > 1 ? m[3]! : quoteString(m[3]!);
      return `${m[1]} ${m[2]} ${text}`;
    }
    default:
      return record.value;
  }
}

/** One record as a zone-file line, TTL left out when it is the file's `$TTL`. */
export function recordLine(record: ZoneRecord, defaultTtl?: number): string {
  const ttl = record.ttl === defaultTtl ? '' : `${record.ttl}`;
  return [record.name, ttl, 'IN', record.type, rdataText(record)].filter(Boolean).join('\t');
}

function mostCommonTtl(records: ZoneRecord[]): number {
  const counts = new Map<number, number>();
  for (const r of records) counts.set(r.ttl, (counts.get(r.ttl) ?? 0) + 1);
  let best = 3600;
  let bestCount = 0;
  for (const [ttl, n] of counts) {
    if (n > bestCount) [best, bestCount] = [ttl, n];
  }
  return best;
}

export interface WriteOptions {
  /**
   * A file `named-checkzone` loads as it is: with an SOA and the apex NS records (VPS.org's own, as the API holds
   * them, else `ns1.vps.org.` and `ns2.vps.org.`, inferred).
   */
  bind?: boolean;
}

const DEFAULT_NAMESERVERS = ['ns1.vps.org', 'ns2.vps.org'];

/** The order of an export: the apex first, then names, types, values and priorities, so two exports are equal. */
function compareRecords(a: ZoneRecord, b: ZoneRecord): number {
  const name = (r: ZoneRecord): string => (r.name === '@' ? '' : r.name.toLowerCase().split('.').reverse().join('.'));
  // Code-unit order, not a locale's: the same on every machine.
  const cmp = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);
  return (
    cmp(name(a), name(b)) ||
    cmp(a.type, b.type) ||
    cmp(canonicalValue(a.type, a.value), canonicalValue(b.type, b.value)) ||
    (a.priority ?? 0) - (b.priority ?? 0)
  );
}

/** The records as a zone file; VPS.org's own apex NS records only with `bind`. */
export function writeZoneFile(zone: string, records: ZoneRecord[], { bind = false }: WriteOptions = {}): string {
  const apex = stripDot(zone).toLowerCase();
  const own = records.filter((r) => !isProviderRecord(r));
  const ttl = mostCommonTtl(own);
  const lines = [`$ORIGIN ${apex}.`, `$TTL ${ttl}`];
  if (bind) {
    const held = records.filter((r) => isProviderRecord(r)).map((r) => stripDot(r.value).toLowerCase());
    const nameservers = held.length ? [...new Set(held)].sort() : DEFAULT_NAMESERVERS;
    // A fixed serial: the export is a picture of the records, and two exports of one zone are the same file.
    lines.push(`@\tIN\tSOA\t${nameservers[0]}. hostmaster.${apex}. 1 3600 600 1209600 300`);
    lines.push(...nameservers.map((ns) => `@\tIN\tNS\t${ns}.`));
  }
  lines.push(...[...own].sort(compareRecords).map((r) => recordLine(r, ttl)));
  return `${lines.join('\n')}\n`;
}
