// Reads a BIND zone file into the records the API would hold, the way BIND reads it. Every line is read: all the
// lines that cannot be used are refused together (ZoneFileError), with the API's own rules checked on each record.
import { isRecordType, RECORD_TYPES, recordKey, type FileRecord } from '../records.js';
import { parseIgnoreRule, type IgnoreRule } from '../scope.js';
import { apiRefusal } from '../validate-records.js';
import { qualify, relativeName } from './names.js';
import { RdataError, readRdata } from './rdata.js';
import { tokenize, type Entry } from './tokenize.js';
import { ZoneFileError, type ZoneFileProblem } from './zone-file-error.js';
import { recordLine } from './write-zone-file.js';

export interface ParsedZoneFile {
  records: FileRecord[];
  /** `file:line: ...` lines about what was left out on purpose (the SOA, duplicates, skipped types) or looks wrong. */
  notices: string[];
  /** Ignore rules the file gives in `; vps:ignore NAME[:TYPE]` comment lines. */
  ignore: IgnoreRule[];
}

export interface ParseOptions {
  /** The zone's domain (`example.com`): the first origin, and the bound every owner name must stay within. */
  zone: string;
  /** The file's name, for messages. */
  file: string;
  /** Leave out, with a notice each, records of types the API does not hold (PTR, DS, SSHFP...) instead of refusing them. */
  skipUnsupported?: boolean;
  /** Skip the check of each record against the API's input rules (for a file read only to be written back). */
  skipApiRules?: boolean;
}

const TTL = /^(?:\d+[smhdw]?)+$/i;
const UNIT: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 };
const MAX_TTL = 2 ** 31 - 1;
const CLASSES = new Set(['IN', 'CH', 'HS', 'CS', 'ANY']);
const IGNORE_DIRECTIVE = /^\s*;\s*vps:ignore\s+(\S+)\s*$/;
const RR_TYPE = /^(?:[A-Z][A-Z0-9-]*|TYPE\d+)$/i;

/** `3600`, `1h`, `1h30m`, `2d` -> seconds, or undefined when it is not a TTL. */
export function parseTtl(text: string): number | undefined {
  if (!TTL.test(text)) return undefined;
  if (/^\d+$/.test(text)) return Number(text);
  let seconds = 0;
  for (const [, n, unit] of text.matchAll(/(\d+)([smhdw]?)/gi)) seconds += Number(n) * UNIT[(unit || 's').toLowerCase()]!;
  return seconds;
}

class LineProblem extends Error {}

export function parseZoneFile(text: string, { zone, file, skipUnsupported = false, skipApiRules = false }: ParseOptions): ParsedZoneFile {
  const apex = zone.toLowerCase().replace(/\.$/, '');
  let origin = apex;
  let defaultTtl: number | undefined;
  let lastTtl: number | undefined;
  let soaMinimum: number | undefined;
  let lastOwner: string | undefined;
  const records: FileRecord[] = [];
  const notices: string[] = [];
  const problems: ZoneFileProblem[] = [];
  const ignore: IgnoreRule[] = [];
  const seen = new Map<string, number>();
  /** Owner names (relative) with a CNAME, and every type seen at each: BIND refuses a CNAME beside other data. */
  const typesAt = new Map<string, Array<{ type: string; line: number }>>();
  const notice = (line: number, text: string): void => void notices.push(`${file}:${line}: ${text}`);

  text.split('\n').forEach((lineText, i) => {
    const m = IGNORE_DIRECTIVE.exec(lineText);
    if (!m) return;
    try {
      ignore.push(parseIgnoreRule(m[1]!));
    } catch (error) {
      problems.push({ file, line: i + 1, reason: (error as Error).message });
    }
  });

  for (const entry of tokenize(text, file)) {
    try {
      readEntry(entry);
    } catch (error) {
      if (!(error instanceof LineProblem)) throw error;
      problems.push({ file, line: entry.line, reason: error.message });
    }
  }
  problems.push(...cnameConflicts());
  if (problems.length) throw new ZoneFileError(problems.sort((a, b) => a.line - b.line));
  return { records, notices, ignore };

  function fail(reason: string): never {
    throw new LineProblem(reason);
  }

  function readEntry(entry: Entry): void {
    const first = entry.tokens[0]!;
    if (entry.ownerOmitted || first.quoted || !first.text.startsWith('$')) return readRecord(entry);
    const directive = first.text.toUpperCase();
    const arg = entry.tokens[1];
    if (directive === '$ORIGIN') {
      if (!arg || entry.tokens.length > 2) fail('$ORIGIN takes one domain name');
      const q = qualify(arg!.text, origin);
      if ('error' in q) fail(q.error);
      // Any origin is accepted (`named-compilezone -s relative` starts with `$ORIGIN .`): the records must be inside.
      origin = (q as { fqdn: string }).fqdn;
    } else if (directive === '$TTL') {
      const ttl = arg && entry.tokens.length === 2 ? parseTtl(arg.text) : undefined;
      if (ttl === undefined || ttl > MAX_TTL) fail('$TTL takes one TTL, e.g. "$TTL 3600" or "$TTL 1h"');
      defaultTtl = ttl;
    } else if (directive === '$INCLUDE' || directive === '$GENERATE') {
      fail(`${directive} is not supported: give the records in this file`);
    } else {
      fail(`unknown directive ${first.text}`);
    }
  }

  function readRecord(entry: Entry): void {
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
      const written = tokens[0]!.text.toLowerCase();
      // BIND reads `www.example.com` (no dot) in example.com as www.example.com.example.com.: likely a missing dot.
      if (!written.endsWith('.') && (written === apex || written.endsWith(`.${apex}`))) {
        notice(entry.line, `warning: ${tokens[0]!.text} has no trailing dot, so it is relative: ${owner}. (add a dot if ${written}. was meant)`);
      }
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
    // RFC 1035: a TTL given on any record (the SOA's included) is the TTL of the records after it without one.
    if (ttl !== undefined) lastTtl = ttl;
    const name = relativeName(owner, apex);
    if (type === 'SOA') {
      const minimum = parseTtl(tokens.at(-1)?.text ?? '');
      if (minimum !== undefined) soaMinimum = minimum;
      notice(entry.line, "SOA record skipped: VPS.org's nameservers keep the zone's SOA");
      return;
    }
    if (name === undefined) fail(`${owner}. is outside the zone ${apex}.`);
    const sighted = (): void => void typesAt.set(name!, [...(typesAt.get(name!) ?? []), { type, line: entry.line }]);
    if (!isRecordType(type)) {
      sighted();
      if (!RR_TYPE.test(type)) fail(`"${typeToken!.text}" is not a record type`);
      if (skipUnsupported) return notice(entry.line, `${type} record skipped: the VPS.org API does not hold ${type} records`);
      fail(`record type ${type} is not held by the VPS.org API (${RECORD_TYPES.join(', ')}); --skip-unsupported leaves such records out`);
    }

    // Without $TTL, the last TTL given; before any, the SOA's minimum (BIND's choice, with a warning).
    const effectiveTtl = ttl ?? defaultTtl ?? lastTtl ?? soaMinimum;
    if (effectiveTtl === undefined) fail('no TTL: give one on the record or set "$TTL" above it');

    let rdata;
    try {
      rdata = readRdata(type as FileRecord['type'], tokens.slice(at + 1), origin);
    } catch (error) {
      if (error instanceof RdataError) fail(error.message);
      throw error;
    }
    const record: FileRecord = { name: name!, type: type as FileRecord['type'], ...rdata!, ttl: effectiveTtl!, line: entry.line };
    const key = recordKey(record);
    const previous = seen.get(key);
    if (previous !== undefined && (record.type !== 'CNAME' || records.some((r) => r.line === previous && r.value === record.value))) {
      // BIND keeps one of two equal records: so does the planner.
      return notice(entry.line, `${recordLine(record)}: the same record as on line ${previous}, dropped (as BIND does)`);
    }
    if (!skipApiRules) {
      const refusal = apiRefusal(record, apex);
      if (refusal) fail(refusal);
    }
    sighted();
    seen.set(key, entry.line);
    records.push(record);
  }

  function cnameConflicts(): ZoneFileProblem[] {
    const found: ZoneFileProblem[] = [];
    for (const [name, sightings] of typesAt) {
      const cnames = sightings.filter((s) => s.type === 'CNAME');
      if (!cnames.length || sightings.length === 1) continue;
      const other = sightings.find((s) => s !== cnames[0])!;
      const where = name === '@' ? 'the apex' : name;
      found.push({
        file,
        line: Math.max(cnames[0]!.line, other.line),
        reason: `CNAME and other data at ${where} (lines ${cnames[0]!.line} and ${other.line}): a name with a CNAME holds nothing else`,
      });
    }
    return found;
  }
}
