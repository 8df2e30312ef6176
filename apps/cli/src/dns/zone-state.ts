// The two sides of a plan: the records a zone file wants, and the records the API holds for the zone.
import { readFile } from 'node:fs/promises';
import type { DnsRecord, VpsClient } from '@vps-org/client';
import { CliError } from '../errors.js';
import { findZone, type ZoneId } from '../operations/zone-ref.js';
import { isProviderRecord } from './provider-records.js';
import { isRecordType, stripDot, type CurrentRecord } from './records.js';
import { relativeName } from './zonefile/names.js';
import { parseZoneFile, type ParsedZoneFile } from './zonefile/parse-zone-file.js';

export async function readZoneFile(path: string, zone: string, stdin: NodeJS.ReadableStream): Promise<ParsedZoneFile> {
  let text: string;
  try {
    text = path === '-' ? await readAll(stdin) : await readFile(path, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return parseZoneFile(text, { zone, file: path === '-' ? '<stdin>' : path });
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of stream) text += String(chunk);
  return text;
}

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

/** The zone and its records, without VPS.org's own apex NS records. */
export async function currentState(vps: VpsClient, ref: string): Promise<ZoneState> {
  const zone = await findZone(vps, ref);
  const records = (await vps.dnsZones.listRecords(zone.uuid))
    .map((r) => fromApi(r, zone.domain))
    .filter((r): r is CurrentRecord => r !== undefined && !isProviderRecord(r));
  return { zone, records };
}
