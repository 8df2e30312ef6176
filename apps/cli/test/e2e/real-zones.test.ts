// Real zone files other projects publish (packages/dns/test/fixtures/real/, licences beside them), each through
// the whole loop with the built `vps` binary against the stateful mock: plan, apply, plan again (nothing to do),
// export, named-checkzone on the export, the export compared with the file as BIND's named-compilezone reads both,
// and a plan of the export (nothing to do).
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { RECORD_TYPES } from '@vps-org/dns';
import { startMock, type MockServer } from '@vps-org/mock';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// Each test runs the binary several times (a Node start each): minutes, not seconds, on a busy machine.
vi.setConfig({ testTimeout: 300_000 });
import { runVps } from '../support/run-binary.js';

const REAL = new URL('../../../../packages/dns/test/fixtures/real/', import.meta.url);
const TOKEN = `vps_e2e_real_zones_${process.pid}`;
const run = promisify(execFile);

interface Fixture {
  path: string;
  zone: string;
  /** Flags every plan and apply of this file takes. */
  flags: string[];
  /** Lines the API cannot hold in any form, which the plan must refuse by line number; then left out. */
  refused?: Record<number, RegExp>;
  /** Lines replaced in the copy named-compilezone reads, where BIND refuses the file as it is published. */
  forBind?: Record<number, string>;
}

const FIXTURES: Fixture[] = [
  { path: 'knot/example.com.zone', zone: 'example.com', flags: [] },
  { path: 'dnscontrol/simple.com.zone', zone: 'simple.com', flags: [] },
  {
    path: 'dnscontrol/example.org.zone',
    zone: 'example.org',
    flags: ['--skip-unsupported'],
    // RFC 3263 service names (`_sip+d2t._tcp`): valid DNS, but the API's names are letters, digits, `-` and `_`.
    refused: Object.fromEntries([117, 118, 119, 120, 121].map((line) => [line, /the API refuses this SRV record: name "_sips?\+d2[tus]\._(tcp|udp|sctp)"/])),
  },
  {
    path: 'octodns/unit.tests.zone',
    zone: 'unit.tests',
    flags: ['--skip-unsupported'],
    // BIND refuses the file as published (its apex NS names have no address records): VPS.org's stand in.
    forBind: { 11: '@ 3600 IN NS ns1.vps.org.', 12: '' },
  },
  {
    path: 'powerdns/test.com.zone',
    zone: 'test.com',
    flags: ['--skip-unsupported'],
    // A CNAME to the root, which the API refuses; a 279-byte TXT string, which BIND refuses too.
    refused: { 16: /the API refuses this CNAME record: value "\." is not in the form/, 36: /TXT string of 279 bytes/ },
  },
  // BIND's checkzone test file has no origin of its own (its names are relative): any zone takes it.
  { path: 'bind9/example.zone', zone: 'example.net', flags: [] },
];

let mock: MockServer;
let dir: string;
const vps = (...args: string[]) => runVps(args, { VPS_API_TOKEN: TOKEN, VPS_BASE_URL: mock.url });

beforeAll(async () => {
  mock = await startMock({ stateful: true });
  dir = mkdtempSync(join(tmpdir(), 'vps-real-zones-'));
}, 300_000);

afterAll(async () => {
  await mock?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The records BIND reads from a file, one canonical line each, of the kinds the API holds (no SOA, no apex NS). */
async function bindRecords(zone: string, file: string): Promise<string[]> {
  const { stdout } = await run('named-compilezone', ['-q', '-i', 'none', '-k', 'ignore', '-n', 'ignore', '-s', 'full', '-o', '-', zone, file]);
  const apex = `${zone}.`;
  return stdout
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter(([owner, , , type]) => type && (RECORD_TYPES as readonly string[]).includes(type) && !(type === 'NS' && owner!.toLowerCase() === apex))
    .map(([owner, ttl, klass, type, ...data]) => {
      const rdata = data.join(' ');
      return [owner!.toLowerCase(), ttl, klass, type, type === 'TXT' || type === 'CAA' ? rdata : rdata.toLowerCase()].join(' ');
    })
    .sort();
}

describe.each(FIXTURES)('$path', ({ path, zone, flags, refused, forBind }) => {
  const original = readFileSync(new URL(path, REAL), 'utf8');
  const lines = original.split('\n');
  const kept = lines.map((line, i) => (refused?.[i + 1] ? `; left out, refused: ${line}` : line)).join('\n');
  const file = () => join(dir, `${zone}.zone`);

  it('creates the zone; a plan refuses, by line, what the API cannot hold', async () => {
    expect((await vps('dns-zones', 'create', '--domain', zone)).code).toBe(0);
    if (!refused) return;
    const source = join(dir, `${zone}.original.zone`);
    writeFileSync(source, original);
    const plan = await vps('dns', 'plan', zone, source, ...flags);
    expect(plan.code).toBe(1);
    for (const [line, reason] of Object.entries(refused)) expect(plan.stderr).toMatch(new RegExp(`${source}:${line}: ${reason.source}`));
    expect(plan.stderr).toContain(`\n${Object.keys(refused).length} lines refused\n`);
  });

  it('plans, applies, and plans again with nothing to do', async () => {
    writeFileSync(file(), kept);
    const plan = await vps('dns', 'plan', zone, file(), '--detailed-exitcode', ...flags);
    expect(plan.stderr).not.toMatch(/^error/m);
    expect(plan.code).toBe(2);
    const apply = await vps('dns', 'apply', zone, file(), '--yes', ...flags);
    expect(apply.stderr).not.toMatch(/^error/m);
    expect(apply.code).toBe(0);
    const again = await vps('dns', 'plan', zone, file(), '--detailed-exitcode', ...flags);
    expect(again.stdout).toMatch(/^No changes/);
    expect(again.code).toBe(0);
  });

  it('exports a file named-checkzone loads, holding what BIND reads from the original, that plans as no change', async () => {
    const first = await vps('dns', 'export', zone, '--bind');
    expect(first.code).toBe(0);
    expect((await vps('dns', 'export', zone, '--bind')).stdout).toBe(first.stdout);
    const exported = join(dir, `${zone}.export.zone`);
    writeFileSync(exported, first.stdout);
    const check = await run('named-checkzone', [zone, exported]).catch((error: { stdout: string }) => ({ stdout: error.stdout, failed: true }));
    expect(check, check.stdout).not.toHaveProperty('failed');
    const original = join(dir, `${zone}.for-bind.zone`);
    writeFileSync(original, kept.split('\n').map((line, i) => forBind?.[i + 1] ?? line).join('\n'));
    expect(await bindRecords(zone, exported)).toEqual(await bindRecords(zone, original));
    const plan = await vps('dns', 'plan', zone, exported, '--detailed-exitcode');
    expect(plan.stdout).toMatch(/^No changes/);
    expect(plan.code).toBe(0);
  });

  it("plans BIND's own output of the file (named-compilezone -s relative, from `$ORIGIN .`) as no change", async () => {
    const compiled = join(dir, `${zone}.compiled.zone`);
    const source = join(dir, `${zone}.for-bind.zone`);
    await run('named-compilezone', ['-q', '-i', 'none', '-k', 'ignore', '-n', 'ignore', '-s', 'relative', '-o', compiled, zone, source]);
    expect(readFileSync(compiled, 'utf8')).toMatch(/^\$ORIGIN \.\n/);
    const plan = await vps('dns', 'plan', zone, compiled, '--detailed-exitcode', ...flags);
    expect(plan.stderr).not.toMatch(/^error/m);
    expect(plan.stdout).toMatch(/^No changes/);
    expect(plan.code).toBe(0);
  });
});
