// Reads a BIND zone file into the records the API would hold. Refuses the file as a whole at its first bad line.
import { isProviderRecord } from '../provider-records.js';
import { isRecordType, RECORD_TYPES, recordKey, type FileRecord } from '../records.js';
import { qualify, relativeName } from './names.js';
import { RdataError, readRdata } from './rdata.js';
import { tokenize, type Entry } from './tokenize.js';
import { ZoneFileError } from './zone-file-error.js';

export interface ParsedZoneFile {
  records: FileRecord[];
  /** `file:line: ...` lines about records left out on purpose (the SOA, VPS.org's own NS records). */
  notices: string[];
}

export interface ParseOptions {
  /** The zone's domain (`example.com`): the first origin, and the bound every name must stay within. */
  zone: string;
  /** The file's name, for messages. */
  file: string;
}

const TTL = /^(?:\d+[smhdw]?)+$/i;
const UNIT: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 };
const MAX_TTL = 2 ** 31 - 1;
const CLASSES = new Set(['IN', 'CH', 'HS', 'CS', 'ANY']);

/** `3600`, `1h`, `1h30m`, `2d` -> seconds, or undefined when it is not a TTL. */
export function parseTtl(text: string): number | undefined {
  if (!TTL.test(text)) return undefined;
  if (/^\d+$/.test(text)) return Number(text);
  let seconds = 0;
  for (const [, n, unit] of text.matchAll(/(\d+)([smhdw]?)/gi)) seconds += Number(n) * UNIT[(unit || 's').toLowerCase()]!;
  return seconds;
}

export function parseZoneFile(text: string, { zone, file }: ParseOptions): ParsedZoneFile {
  const apex = zone.toLowerCase().replace(/\.$/, '');
  let origin = apex;
  let defaultTtl: number | undefined;
  let lastTtl: number | undefined;
  let lastOwner: string | undefined;
  const records: FileRecord[] = [];
  const notices: string[] = [];
  const seen = new Map<string, number>();

  for (const entry of tokenize(text, file)) {
    const fail = (reason: string, line = entry.line): never => {
      throw new ZoneFileError(file, line, reason);
    };
    const first = entry.tokens[0]!;
    if (!entry.ownerOmitted && !first.quoted && first.text.startsWith('$')) {
      const directive = first.text.toUpperCase();
      const arg = entry.tokens[1];
      if (directive === '$ORIGIN') {
        if (!arg || entry.tokens.length > 2) fail('$ORIGIN takes one domain name');
        const q = qualify(arg!.text, origin);
        if ('error' in q) fail(q.error);
        const fqdn = (q as { fqdn: string }).fqdn;
        if (relativeName(fqdn, apex) === undefined) fail(`$ORIGIN ${arg!.text} is outside the zone ${apex}.`);
        origin = fqdn;
      } else if (directive === '$TTL') {
        const ttl = arg && entry.tokens.length === 2 ? parseTtl(arg.text) : undefined;
        if (ttl === undefined || ttl > MAX_TTL) fail('$TTL takes one TTL, e.g. "$TTL 3600" or "$TTL 1h"');
        defaultTtl = ttl;
      } else if (directive === '$INCLUDE' || directive === '$GENERATE') {
        fail(`${directive} is not supported: give the records in this file`);
      } else {
        fail(`unknown directive ${first.text}`);
      }
      continue;
    }
    readRecord(entry);
  }
  return { records, notices };

  function readRecord(entry: Entry): void {
    const fail = (reason: string): never => {
      throw new ZoneFileError(file, entry.line, reason);
    };
    const tokens = entry.tokens;
    let at = 0;
    let owner: string;
    if (entry.ownerOmitted) {
      if (lastOwner === undefined) fail('no owner name: the first record must name one (or "@")');
      owner = lastOwner!;
    } else {
      if (tokens[0]!.quoted || tokens[0]!.escaped) fail(`owner name ${tokens[0]!.text} must be a plain domain name`);
      const q = qualify(tokens[0]!.text, origin);
      if ('error' in q) fail(q.error);
      owner = (q as { fqdn: string }).fqdn;
      at = 1;
    }
    lastOwner = owner;

    let ttl: number | undefined;
    let klass: string | undefined;
    for (let i = 0; i < 2; i++) {
      const t = tokens[at];
      if (!t || t.quoted) break;
      if (ttl === undefined && parseTtl(t.text) !== undefined) {
        ttl = parseTtl(t.text);
        if (ttl! > MAX_TTL) fail(`TTL ${t.text} is above the largest, ${MAX_TTL}`);
      } else if (klass === undefined && CLASSES.has(t.text.toUpperCase())) {
        klass = t.text.toUpperCase();
        if (klass !== 'IN') fail(`class ${t.text} is not supported: only IN`);
      } else break;
      at++;
    }
    const typeToken = tokens[at];
    if (!typeToken || typeToken.quoted) fail('no record type');
    const type = typeToken!.text.toUpperCase();
    if (type === 'SOA') {
      notices.push(`${file}:${entry.line}: SOA record skipped: VPS.org's nameservers keep the zone's SOA`);
      return;
    }
    if (!isRecordType(type)) {
      fail(`record type ${typeToken!.text} is not supported by the VPS.org API (${RECORD_TYPES.join(', ')})`);
    }
    const name = relativeName(owner, apex);
    if (name === undefined) fail(`${owner}. is outside the zone ${apex}.`);

    if (ttl !== undefined) lastTtl = ttl;
    const effectiveTtl = ttl ?? defaultTtl ?? lastTtl;
    if (effectiveTtl === undefined) fail('no TTL: give one on the record or set "$TTL" above it');

    let rdata;
    try {
      rdata = readRdata(type as FileRecord['type'], tokens.slice(at + 1), origin);
    } catch (error) {
      if (error instanceof RdataError) fail(error.message);
      throw error;
    }
    const record: FileRecord = { name: name!, type: type as FileRecord['type'], ...rdata!, ttl: effectiveTtl!, line: entry.line };
    if (isProviderRecord(record)) {
      notices.push(`${file}:${entry.line}: NS ${record.value} skipped: VPS.org's own nameservers are the provider's`);
      return;
    }
    const key = recordKey(record);
    const previous = seen.get(key);
    if (previous !== undefined) fail(`the same ${record.type} record as on line ${previous}`);
    seen.set(key, entry.line);
    records.push(record);
  }
}
