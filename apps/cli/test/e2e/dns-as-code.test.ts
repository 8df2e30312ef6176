// End to end: the built `vps` binary against the stateful mock (Prism validating every request and answer).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMock, type MockServer } from '@vps-org/mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, runVps } from '../support/run-binary.js';

const FIXTURE = readFileSync(new URL('../../../../packages/dns/test/fixtures/example.com.zone', import.meta.url), 'utf8');
// The fake keeps one account per token: this suite's own.
const TOKEN = `vps_e2e_dns_${process.pid}`;

let mock: MockServer;
let dir: string;
let env: Record<string, string>;
const vps = (...args: string[]) => runVps(args, env);
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

beforeAll(async () => {
  mock = await startMock({ stateful: true, transitionMs: 100 });
  dir = mkdtempSync(join(tmpdir(), 'vps-cli-e2e-'));
  env = { VPS_API_TOKEN: TOKEN, VPS_BASE_URL: mock.url };
});

afterAll(async () => {
  await mock?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('DNS as code against the stateful mock', () => {
  const zoneFile = () => file('example.com.zone', FIXTURE);

  it('creates the zone with the generated command', async () => {
    const run = await vps('dns-zones', 'create', '--domain', 'example.com', '--json');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ domain: 'example.com', records: [] });
  });

  it('plans a zone file of every record type: 15 to add, exit 2 with --detailed-exitcode', async () => {
    const run = await vps('dns', 'plan', 'example.com', zoneFile(), '--detailed-exitcode');
    expect(run.code).toBe(2);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('Plan: 15 to add, 0 to change, 0 to delete.');
    expect(run.stdout).toContain('+ _sip._tcp\t3600\tIN\tSRV\t10 5 5060 sip.example.com.');
    expect(run.stderr).toContain("SOA record skipped");
    const json = await vps('dns', 'plan', 'example.com', zoneFile(), '--json');
    expect(json.code).toBe(0);
    const plan = JSON.parse(json.stdout);
    expect(plan.add).toHaveLength(15);
    expect(plan.add).toContainEqual({ record_type: 'MX', name: '@', value: 'mail.example.com', ttl: 3600, priority: 10 });
  });

  it('refuses to apply without a terminal and without --yes, and changes nothing', async () => {
    const run = await vps('dns', 'apply', 'example.com', zoneFile());
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/not applied: no terminal to confirm on; pass --yes/);
    const plan = await vps('dns', 'plan', 'example.com', zoneFile(), '--json');
    expect(JSON.parse(plan.stdout).add).toHaveLength(15);
  });

  it('applies with --yes, then a plan and a second apply find nothing to do', async () => {
    const apply = await vps('dns', 'apply', 'example.com', zoneFile(), '--yes');
    expect(apply).toMatchObject({ code: 0 });
    expect(apply.stdout).toContain('Applied: 15 added, 0 changed, 0 deleted.');
    expect(apply.stderr).not.toMatch(/applying/); // no progress off a terminal

    const plan = await vps('dns', 'plan', 'example.com', zoneFile(), '--detailed-exitcode');
    expect(plan.code).toBe(0);
    expect(plan.stdout).toBe('No changes: the zone matches the file.\nPlan: 0 to add, 0 to change, 0 to delete.\n');
    const again = await vps('dns', 'apply', 'example.com', zoneFile(), '--yes', '--json');
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual({ applied: { add: 0, change: 0, delete: 0 }, failed: [], unknown: [], not_applied: [] });
  });

  it('changes one TTL in place, and deletes a record removed from the file', async () => {
    const changed = file('ttl.zone', FIXTURE.replace('mail\t600\tA', 'mail\t900\tA'));
    const plan = await vps('dns', 'plan', 'example.com', changed);
    expect(plan.stdout).toContain('~ mail\t900\tIN\tA\t192.0.2.25\t(ttl 600 -> 900)');
    expect(plan.stdout).toContain('Plan: 0 to add, 1 to change, 0 to delete.');
    expect((await vps('dns', 'apply', 'example.com', changed, '--yes')).code).toBe(0);

    const fewer = file('fewer.zone', FIXTURE.replace('mail\t600\tA', 'mail\t900\tA').replace(/^dev\t.*$/m, ''));
    const deletion = await vps('dns', 'plan', 'example.com', fewer);
    expect(deletion.stdout).toBe('- dev\t3600\tIN\tNS\tns1.dev-dns.example.net.\nPlan: 0 to add, 0 to change, 1 to delete.\n');
    expect((await vps('dns', 'apply', 'example.com', fewer, '--yes')).code).toBe(0);
    expect((await vps('dns', 'plan', 'example.com', fewer, '--detailed-exitcode')).code).toBe(0);
    const records = JSON.parse((await vps('dns-records', 'list', '--zone', 'example.com', '--json')).stdout);
    expect(records).toHaveLength(14);
    expect(records.find((r: { name: string }) => r.name === 'mail')).toMatchObject({ ttl: 900 });
  });

  it('exports a BIND zone file that plans as no change, by domain and by zone uuid', async () => {
    const exported = await vps('dns', 'export', 'example.com');
    expect(exported.code).toBe(0);
    expect(exported.stdout).toMatch(/^\$ORIGIN example\.com\.\n\$TTL 3600\n/);
    expect(exported.stdout).toContain('sel._domainkey\tIN\tTXT\t"v=DKIM1; k=rsa; " "p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC"');
    const zone = JSON.parse((await vps('dns-zones', 'list', '--domain', 'example.com', '--json')).stdout)[0];
    const plan = await vps('dns', 'plan', zone.uuid, file('exported.zone', exported.stdout), '--detailed-exitcode');
    expect(plan).toMatchObject({ code: 0, stdout: expect.stringContaining('Plan: 0 to add, 0 to change, 0 to delete.') });
  });

  it('refuses at plan time, in one pass, every line the API would refuse, and sends nothing', async () => {
    const lines = [
      '$ORIGIN example.com.', '$TTL 300',
      'ok A 192.0.2.11',
      `long TXT ${'"0123456789" '.repeat(410)}`,
      'host.*.sub A 192.0.2.12',
      'rev PTR host.example.com.',
      'fp SSHFP 1 1 abcdef',
    ];
    const bad = file('refused.zone', `${lines.join('\n')}\n`);
    const run = await vps('dns', 'apply', 'example.com', bad, '--yes');
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    const errors = run.stderr.trimEnd().split('\n');
    expect(errors[0]).toMatch(new RegExp(`^error: ${bad}:4: the API refuses this TXT record: value .* must NOT have more than 4096 characters$`));
    expect(errors.slice(1)).toEqual([
      `${bad}:5: the API refuses this A record: name "host.*.sub" is not in the form the API takes`,
      `${bad}:6: record type PTR is not held by the VPS.org API (A, AAAA, CNAME, MX, TXT, NS, SRV, CAA); --skip-unsupported leaves such records out`,
      `${bad}:7: record type SSHFP is not held by the VPS.org API (A, AAAA, CNAME, MX, TXT, NS, SRV, CAA); --skip-unsupported leaves such records out`,
      '4 lines refused',
    ]);
    const records = JSON.parse((await vps('dns-records', 'list', '--zone', 'example.com', '--json')).stdout);
    expect(records.map((r: { name: string }) => r.name)).not.toContain('ok');
  });

  it('refuses a bad zone file as a whole, naming file and line, before sending anything', async () => {
    const bad = file('bad.zone', `${FIXTURE}new A 192.0.2.99\n@ MX mail.example.com.\n`);
    const mxLine = FIXTURE.split('\n').length + 1;
    const run = await vps('dns', 'apply', 'example.com', bad, '--yes');
    expect(run).toEqual({ code: 1, stdout: '', stderr: `error: ${bad}:${mxLine}: MX needs a priority before the mail server, e.g. "MX 10 mail.example.com."\n` });
    const outside = await vps('dns', 'plan', 'example.com', file('outside.zone', '$TTL 60\nwww.example.org. A 192.0.2.1\n'));
    expect(outside.stderr).toMatch(/outside\.zone:2: www\.example\.org\. is outside the zone example\.com\.\n$/);
    expect(outside.code).toBe(1);
    const records = JSON.parse((await vps('dns-records', 'list', '--zone', 'example.com', '--record-type', 'A', '--json')).stdout);
    expect(records.map((r: { name: string }) => r.name)).not.toContain('new');
  });
});

describe('progress on a terminal', () => {
  it('shows a progress line when stderr is a terminal, and nothing extra with --json', async () => {
    const zone = file('tty.zone', `$TTL 300\n${Array.from({ length: 20 }, (_, i) => `t${i} A 192.0.2.${i + 1}`).join('\n')}\n`);
    await vps('dns-zones', 'create', '--domain', 'tty.example');
    // `script` runs the binary on a pseudo-terminal, as a person at a terminal would.
    const onTerminal = (...args: string[]) =>
      runVps(['-qec', [process.execPath, BIN, ...args].map((a) => `'${a}'`).join(' '), '/dev/null'], env, undefined, undefined, 'script');
    const run = await onTerminal('dns', 'apply', 'tty.example', zone, '--yes');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('\r\x1b[2Kapplying 20/20');
    expect(run.stdout).toContain('Applied: 20 added, 0 changed, 0 deleted.');
    const json = await onTerminal('dns', 'apply', 'tty.example', file('tty2.zone', '$TTL 300\nt0 A 192.0.2.1\n'), '--yes', '--json', '--force');
    expect(json.code).toBe(0);
    expect(json.stdout).not.toContain('applying');
    expect(JSON.parse(json.stdout).applied).toEqual({ add: 0, change: 0, delete: 19 });
  });
});

describe('exit codes and errors of the binary', () => {
  it('a missing token: exit 1, one line', async () => {
    const run = await runVps(['dns', 'export', 'example.com'], { VPS_BASE_URL: mock.url });
    expect(run.code).toBe(1);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('a zone that does not exist: exit 1', async () => {
    const run = await vps('dns', 'export', 'nosuch.example');
    expect(run).toEqual({ code: 1, stdout: '', stderr: expect.stringMatching(/^error: no DNS zone nosuch\.example/) });
  });

  it('a record that does not exist: exit 1, the API error on one line', async () => {
    const run = await vps('dns-records', 'get', 'rec-missing');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: 404\b.*\(GET \/api\/v1\/dns-records\/rec-missing\/\)\n$/);
  });

  it('a 401 without a token that the API accepts: exit 1, never the token', async () => {
    const run = await runVps(['servers', 'list'], { VPS_API_TOKEN: 'not-a-vps-token', VPS_BASE_URL: mock.url });
    expect(run.code).toBe(1);
    expect(run.stderr).not.toContain('not-a-vps-token');
  });

  it('a usage error: exit 2 with the usage line', async () => {
    const run = await vps('dns', 'plan');
    expect(run.code).toBe(2);
    expect(run.stderr.trimEnd().split('\n').at(-1)).toBe('Usage: vps dns plan [options] <zone> <file>');
  });
});

describe('servers through the generated commands', () => {
  it('creates a server, waits for it, stops it and waits, and lists it by status', async () => {
    const create = await vps(
      'servers', 'create', '--name', 'web-02', '--plan-id', '1', '--os-id', '5', '--location', 'us-west',
      '--wait', '--wait-interval', '0.05', '--json',
    );
    expect(create.code).toBe(0);
    expect(create.stderr).toBe('');
    const server = JSON.parse(create.stdout);
    expect(server).toMatchObject({ name: 'web-02', status: 'active' });
    const stop = await vps('servers', 'stop', String(server.id), '--wait', '--wait-interval', '0.05', '--json');
    expect(JSON.parse(stop.stdout)).toMatchObject({ id: server.id, status: 'stopped' });
    const list = await vps('servers', 'list', '--status', 'stopped');
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(new RegExp(`^${server.id}\\s+web-02\\s`, 'm'));
    const del = await vps('servers', 'delete', String(server.id));
    expect(del).toMatchObject({ code: 0, stdout: '' });
    expect((await vps('servers', 'get', String(server.id))).code).toBe(1);
  });
});
