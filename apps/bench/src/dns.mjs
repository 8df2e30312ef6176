// 9. DNS as code: reading a large zone file (`parseZoneFile`, as `vps dns plan` and the MCP `dns_plan` tool read
// one), planning it against the zone's current records (`planZone`) and writing it back (`writeZoneFile`, as
// `dns_export` does), against JSON.parse of the same records in the same rounds: the least any tool pays to get
// 50,000 records into memory. The zone is the records of a real, published zone file (dnscontrol's example.org,
// the records the API accepts) repeated under one more label per copy; a smaller zone of the same records shows
// whether the parser stays linear.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { apiRefusal, parseZoneFile, planZone, recordLine, writeZoneFile } from '@vps-org/dns';
import { median } from './stats.mjs';

const require = createRequire(import.meta.url);
const SOURCE = join(dirname(require.resolve('@vps-org/dns/package.json')), 'test/fixtures/real/dnscontrol/example.org.zone');
const ZONE = 'example.org';
const LARGE = 50_000;
const SMALL = 5_000;
const ROUNDS = 7;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc');

/** The records of the real file that the API takes (its refused SRV names left out), in the file's order. */
function realRecords() {
  const { records } = parseZoneFile(readFileSync(SOURCE, 'utf8'), { zone: ZONE, file: SOURCE, skipUnsupported: true, skipApiRules: true });
  return records.filter((r) => !apiRefusal(r, ZONE));
}

/**
 * A zone file of `size` records: the real records, copy k under the label `ck` (`www` -> `www.c3`, `@` -> `c3`);
 * the apex NS records only once, since NS at `ck` would delegate it away.
 * @param {import('@vps-org/dns').FileRecord[]} real
 * @param {number} size
 */
function zoneText(real, size) {
  const lines = [`$ORIGIN ${ZONE}.`, '$TTL 7200'];
  for (let copy = 0; lines.length - 2 < size; copy++) {
    for (const r of real) {
      if (lines.length - 2 === size) break;
      if (copy > 0 && r.type === 'NS' && r.name === '@') continue;
      const name = copy === 0 ? r.name : r.name === '@' ? `c${copy}` : `${r.name}.c${copy}`;
      lines.push(recordLine({ ...r, name }));
    }
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The zone's records as the API would hold them: one in ten with another TTL (a change), one in 25 missing (an add),
 * and 500 the file does not have (deletions).
 * @param {import('@vps-org/dns').FileRecord[]} records
 */
function currentRecords(records) {
  const current = records
    .filter((_, i) => i % 25 !== 0)
    .map((r, i) => ({ uuid: `rec-${i}`, name: r.name, type: r.type, value: r.value, ttl: i % 10 === 0 ? r.ttl + 60 : r.ttl, priority: r.priority }));
  for (let i = 0; i < 500; i++) current.push({ uuid: `old-${i}`, name: `old${i}`, type: 'A', value: `192.0.2.${i % 250}`, ttl: 300, priority: null });
  return current;
}

/** @param {() => unknown} work */
function timed(work) {
  gc();
  const started = performance.now();
  work();
  return performance.now() - started;
}

/**
 * @returns {Promise<{ records: number, smallRecords: number, current: number, realRecords: number, rounds: number, jsonMs: number, parseMs: number,
 *   smallParseMs: number, planMs: number, writeMs: number, parseRatio: number, planRatio: number, writeRatio: number,
 *   scaling: number, plan: { add: number, change: number, delete: number } }>}
 */
export async function measureDns() {
  const real = realRecords();
  const text = zoneText(real, LARGE);
  const smallText = zoneText(real, SMALL);
  const options = { zone: ZONE, file: 'bench.zone' };
  const { records } = parseZoneFile(text, options);
  if (records.length !== LARGE) throw new Error(`the generated zone parsed to ${records.length} records, not ${LARGE}`);
  const current = currentRecords(records);
  const json = JSON.stringify(records);
  const { plan } = planZone(records, current);

  /** @type {Record<'json' | 'parse' | 'small' | 'plan' | 'write', number[]>} */
  const ms = { json: [], parse: [], small: [], plan: [], write: [] };
  /** @type {Record<'parse' | 'plan' | 'write' | 'scaling', number[]>} */
  const ratios = { parse: [], plan: [], write: [], scaling: [] };
  for (let round = -1; round < ROUNDS; round++) {
    // Round -1 warms the code up and is not counted.
    // The baseline is short (tens of ms): the median of five runs, so one descheduling does not make a round.
    const json1 = median(Array.from({ length: 5 }, () => timed(() => JSON.parse(json))));
    const parse = timed(() => parseZoneFile(text, options));
    const small = timed(() => parseZoneFile(smallText, options));
    const planned = timed(() => planZone(records, current));
    const written = timed(() => writeZoneFile(ZONE, records));
    if (round < 0) continue;
    ms.json.push(json1);
    ms.parse.push(parse);
    ms.small.push(small);
    ms.plan.push(planned);
    ms.write.push(written);
    ratios.parse.push(parse / json1);
    ratios.plan.push(planned / json1);
    ratios.write.push(written / json1);
    // Time per record at 50,000 against time per record at 5,000.
    ratios.scaling.push(parse / LARGE / (small / SMALL));
  }
  return {
    records: LARGE,
    smallRecords: SMALL,
    current: current.length,
    realRecords: real.length,
    rounds: ROUNDS,
    jsonMs: median(ms.json),
    parseMs: median(ms.parse),
    smallParseMs: median(ms.small),
    planMs: median(ms.plan),
    writeMs: median(ms.write),
    parseRatio: median(ratios.parse),
    planRatio: median(ratios.plan),
    writeRatio: median(ratios.write),
    scaling: median(ratios.scaling),
    plan: { add: plan.add.length, change: plan.change.length, delete: plan.delete.length },
  };
}
