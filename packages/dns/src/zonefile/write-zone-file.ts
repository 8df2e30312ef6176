// Writes records as a BIND zone file: `$ORIGIN`, `$TTL` (the most common TTL), one record a line, owner names
// relative to the origin, host names absolute (trailing dot), TXT quoted in strings of at most 255 bytes.
import { stripDot, type ZoneRecord } from '../records.js';

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
      return txtStrings(record.value);
    case 'CAA': {
      const m = /^(\d+)\s+(\S+)\s+(.*)$/.exec(record.value);
      if (!m) return record.value;
      const text = m[3]!.startsWith('"') && m[3]!.endsWith('"') && m[3]!.length > 1 ? m[3]! : quote(m[3]!);
      return `${m[1]} ${m[2]} ${text}`;
    }
    default:
      return record.value;
  }
}

function quote(text: string): string {
  const escaped = text.replace(/["\\]/g, '\\$&').replace(/\p{Cc}/gu, (c) => `\\${String(c.charCodeAt(0)).padStart(3, '0')}`);
  return `"${escaped}"`;
}

/** A text as quoted strings of at most 255 characters each, the longest one DNS stores. */
function txtStrings(text: string): string {
  const parts: string[] = [];
  for (let i = 0; i < text.length; i += 255) parts.push(quote(text.slice(i, i + 255)));
  return parts.join(' ');
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

export function writeZoneFile(zone: string, records: ZoneRecord[]): string {
  const ttl = mostCommonTtl(records);
  const lines = [`$ORIGIN ${stripDot(zone)}.`, `$TTL ${ttl}`, ...records.map((r) => recordLine(r, ttl))];
  return `${lines.join('\n')}\n`;
}
