// `vps dns` pointed at a zone from CI: the safety rules, apex NS, ignored records, saved plans, and record data kept
// as BIND reads it. The built binary against the stateful mock (Prism validating every request and answer).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMock, type MockServer } from '@vps-org/mock';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// Each test runs the binary several times (a Node start each): minutes, not seconds, on a busy machine.
vi.setConfig({ testTimeout: 300_000 });
import { runVps } from '../support/run-binary.js';

const TOKEN = `vps_e2e_dns_safety_${process.pid}`;
let mock: MockServer;
let dir: string;
const vps = (...args: string[]) => runVps(args, { VPS_API_TOKEN: TOKEN, VPS_BASE_URL: mock.url });
const piped = (input: string, ...args: string[]) => runVps(args, { VPS_API_TOKEN: TOKEN, VPS_BASE_URL: mock.url }, input);
const file = (name: string, lines: string[]): string => {
  const path = join(dir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
};
const records = async (zone: string) =>
  JSON.parse((await vps('dns-records', 'list', '--zone', zone, '--json')).stdout) as Array<{ uuid: string; name: string; record_type: string; value: string; priority: number | null }>;
const hosts = (n: number) => Array.from({ length: n }, (_, i) => `h${i} A 192.0.2.${i + 1}`);

beforeAll(async () => {
  mock = await startMock({ stateful: true });
  dir = mkdtempSync(join(tmpdir(), 'vps-dns-safety-'));
}, 300_000);

afterAll(async () => {
  await mock?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('never lose a zone by accident', () => {
  const zone = 'safe.example';
  const full = () => file('full.zone', ['$TTL 300', ...hosts(20)]);

  it('applies a zone of 20 records', async () => {
    expect((await vps('dns-zones', 'create', '--domain', zone)).code).toBe(0);
    expect((await vps('dns', 'apply', zone, full(), '--yes')).code).toBe(0);
  });

  it('refuses an empty stdin (a generator that failed): exit 1, one line with the way out, nothing sent', async () => {
    const run = await piped('', 'dns', 'apply', zone, '-', '--yes');
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'error: refused: this plan deletes all 20 records of the zone and leaves it empty (an empty or failed input?); check the file, or pass --force\n',
    );
    expect(await records(zone)).toHaveLength(20);
  });

  it('refuses a truncated file over the threshold; plan shows the same warning; --max-delete-ratio lets it through', async () => {
    const cut = file('cut.zone', ['$TTL 300', ...hosts(12)]);
    const plan = await vps('dns', 'plan', zone, cut, '--detailed-exitcode');
    expect(plan.code).toBe(2);
    const reason = "refused: this plan deletes 8 and changes 0 of the zone's 20 records (40%, 30% or more); check the file, or pass --force or --max-delete-ratio 0.41";
    expect(plan.stderr).toContain(`warning: apply would be ${reason}`);
    const apply = await vps('dns', 'apply', zone, cut, '--yes');
    expect(apply).toMatchObject({ code: 1, stderr: `error: ${reason}\n` });
    expect(await records(zone)).toHaveLength(20);
    expect((await vps('dns', 'apply', zone, cut, '--yes', '--max-delete-ratio', '0.41')).code).toBe(0);
    expect(await records(zone)).toHaveLength(12);
  });

  it('--force applies a plan that empties the zone', async () => {
    expect((await piped('', 'dns', 'apply', zone, '-', '--yes', '--force')).code).toBe(0);
    expect(await records(zone)).toEqual([]);
  });
});

describe("apex NS records are the provider's; ignored records are left alone", () => {
  const zone = 'moved.example';

  it("skips another provider's apex NS with a notice, and plans them only with --manage-apex-ns", async () => {
    expect((await vps('dns-zones', 'create', '--domain', zone)).code).toBe(0);
    const moved = file('moved.zone', ['$TTL 300', '@ NS bayan.ns.cloudflare.com.', 'dev NS ns1.dev.example.net.', 'www A 192.0.2.1']);
    const plan = await vps('dns', 'plan', zone, moved);
    expect(plan.stderr).toContain(`${moved}:2: @\t300\tIN\tNS\tbayan.ns.cloudflare.com.: skipped, apex NS: the zone's nameservers are the provider's`);
    expect(plan.stdout).toContain('Plan: 2 to add, 0 to change, 0 to delete.');
    expect((await vps('dns', 'plan', zone, moved, '--manage-apex-ns')).stdout).toContain('Plan: 3 to add');
    expect((await vps('dns', 'apply', zone, moved, '--yes')).code).toBe(0);
  });

  it('never deletes records named by --ignore or a `; vps:ignore` line in the file', async () => {
    for (const [name, value] of [['_acme-challenge', 'token-1'], ['dyn1.home', 'x'], ['dyn2.home', 'y']]) {
      const created = await vps('dns-zones', 'create-record', zone, '--record-type', 'TXT', '--name', name!, '--value', value!);
      expect(created.code).toBe(0);
    }
    const withDirective = file('ignore.zone', ['; vps:ignore *.home:TXT', '$TTL 300', 'dev NS ns1.dev.example.net.', 'www A 192.0.2.1']);
    const plan = await vps('dns', 'plan', zone, withDirective, '--ignore', '_acme-challenge:TXT', '--detailed-exitcode');
    expect(plan).toMatchObject({ code: 0, stdout: expect.stringContaining('No changes') });
    const unignored = await vps('dns', 'plan', zone, file('plain.zone', ['$TTL 300', 'dev NS ns1.dev.example.net.', 'www A 192.0.2.1']));
    expect(unignored.stdout).toContain('Plan: 0 to add, 0 to change, 3 to delete.');
    expect((await vps('dns', 'apply', zone, withDirective, '--ignore', '_acme-challenge:TXT', '--yes')).code).toBe(0);
    expect((await records(zone)).filter((r) => r.record_type === 'TXT')).toHaveLength(3);
  });
});

describe('a saved plan applies exactly what was reviewed', () => {
  const zone = 'saved.example';

  it('applies a saved plan, and refuses one made before the zone changed', async () => {
    expect((await vps('dns-zones', 'create', '--domain', zone)).code).toBe(0);
    const planFile = join(dir, 'plan.json');
    const plan = await vps('dns', 'plan', zone, file('saved.zone', ['$TTL 300', 'a A 192.0.2.1', 'b A 192.0.2.2']), '--out', planFile);
    expect(plan.code).toBe(0);
    expect(plan.stderr).toContain(`Plan saved to ${planFile}`);
    const stale = join(dir, 'stale.json');
    writeFileSync(stale, readFileSync(planFile));
    const apply = await vps('dns', 'apply', zone, '--plan', planFile, '--yes');
    expect(apply.stdout).toBe('+ a\t300\tIN\tA\t192.0.2.1\n+ b\t300\tIN\tA\t192.0.2.2\nPlan: 2 to add, 0 to change, 0 to delete.\nApplied: 2 added, 0 changed, 0 deleted.\n');
    const again = await vps('dns', 'apply', zone, '--plan', stale, '--yes');
    expect(again).toEqual({ code: 1, stdout: expect.any(String), stderr: `error: not applied: the zone ${zone} changed since the plan was made; make a new plan and review it\n` });
    expect(await records(zone)).toHaveLength(2);
    const notAPlan = await vps('dns', 'apply', zone, '--plan', file('x.json', ['{}']), '--yes');
    expect(notAPlan.stderr).toMatch(/is not a saved plan of this version/);
  });
});

describe('record data as BIND reads it', () => {
  const zone = 'data.example';

  it('reads a name without a trailing dot as relative (with a warning), and converges', async () => {
    expect((await vps('dns-zones', 'create', '--domain', zone)).code).toBe(0);
    const relative = file('relative.zone', ['$TTL 300', 'www.data.example A 192.0.2.1']);
    const apply = await vps('dns', 'apply', zone, relative, '--yes');
    expect(apply.stderr).toContain('warning: www.data.example has no trailing dot, so it is relative: www.data.example.data.example.');
    expect(apply.code).toBe(0);
    expect((await vps('dns', 'plan', zone, relative, '--detailed-exitcode')).code).toBe(0);
    expect((await vps('dns', 'export', zone)).stdout).toContain('www.data.example\tIN\tA\t192.0.2.1');
  });

  it('holds MX 10 and MX 20 of one host as two records, and deletes the right one', async () => {
    const both = file('mx.zone', ['$TTL 300', 'www.data.example A 192.0.2.1', '@ MX 10 mx', '@ MX 20 mx']);
    expect((await vps('dns', 'apply', zone, both, '--yes')).code).toBe(0);
    expect((await vps('dns', 'plan', zone, both, '--detailed-exitcode')).code).toBe(0);
    const exported = file('mx-export.zone', [(await vps('dns', 'export', zone)).stdout]);
    expect((await vps('dns', 'plan', zone, exported, '--detailed-exitcode')).code).toBe(0);
    const one = file('mx1.zone', ['$TTL 300', 'www.data.example A 192.0.2.1', '@ MX 10 mx']);
    expect((await vps('dns', 'plan', zone, one)).stdout).toContain('- @\t300\tIN\tMX\t20 mx.data.example.\nPlan: 0 to add, 0 to change, 1 to delete.');
  });

  it("changes a CNAME's target with one PATCH: the record keeps its uuid", async () => {
    const base = ['$TTL 300', 'www.data.example A 192.0.2.1', '@ MX 10 mx', '@ MX 20 mx'];
    expect((await vps('dns', 'apply', zone, file('c1.zone', [...base, 'alias CNAME _dkim.old.example.net.']), '--yes')).code).toBe(0);
    const before = (await records(zone)).find((r) => r.name === 'alias')!;
    const apply = await vps('dns', 'apply', zone, file('c2.zone', [...base, 'alias CNAME target_1.new.example.net.']), '--yes');
    expect(apply.stdout).toContain('Applied: 0 added, 1 changed, 0 deleted.');
    expect((await records(zone)).find((r) => r.name === 'alias')).toMatchObject({ uuid: before.uuid, value: 'target_1.new.example.net' });
  });

  it('takes a null MX (RFC 7505), keeps DNS-SD strings and UTF-8 text, and exports them back the same', async () => {
    const other = 'text.example';
    expect((await vps('dns-zones', 'create', '--domain', other)).code).toBe(0);
    const text = file('text.zone', ['$TTL 300', '@ MX 0 .', 'lp TXT "txtvers=1" "rp=printers/lp"', 'aland TXT "\\195\\133LAND"', `long TXT "${'é'.repeat(120)}" "${'é'.repeat(80)}"`]);
    expect((await vps('dns', 'apply', other, text, '--yes')).code).toBe(0);
    const held = await records(other);
    expect(held.find((r) => r.name === 'aland')?.value).toBe('ÅLAND');
    expect(held.find((r) => r.name === 'lp')?.value).toBe('"txtvers=1" "rp=printers/lp"');
    const exported = (await vps('dns', 'export', other)).stdout;
    expect(exported).toContain('lp\tIN\tTXT\t"txtvers=1" "rp=printers/lp"');
    expect(exported).toContain('@\tIN\tMX\t0 .');
    expect((await vps('dns', 'plan', other, file('text-export.zone', [exported]), '--detailed-exitcode')).code).toBe(0);
  });

  it('exports the same file however the records were created (sorted, not in creation order)', async () => {
    const lines = ['$TTL 300', ...hosts(15), 'mail MX 10 h1', 'txt TXT "x"'];
    const exports: string[] = [];
    for (const [name, concurrency] of [['one.example', '1'], ['eight.example', '8']] as const) {
      expect((await vps('dns-zones', 'create', '--domain', name)).code).toBe(0);
      expect((await vps('dns', 'apply', name, file(`${name}.zone`, [...lines].reverse().slice(0, -1).concat('$TTL 300').reverse()), '--yes', '--concurrency', concurrency)).code).toBe(0);
      exports.push((await vps('dns', 'export', name)).stdout.replace(name, 'ZONE').replaceAll(`${name}.`, 'ZONE.'));
    }
    expect(exports[0]).toBe(exports[1]);
  });

  it('refuses CNAME and other data at one name, naming both lines', async () => {
    const run = await vps('dns', 'plan', zone, file('cname.zone', ['$TTL 300', 'www CNAME example.net.', 'www TXT "x"']));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/cname\.zone:3: CNAME and other data at www \(lines 2 and 3\)/);
  });
});
