// `vps dns apply` on a terminal: the question, the answer, and the progress line; against the mock's fake in-process.
import { createFake } from '@vps-org/mock';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runInProcess, TOKEN } from '../support/run-in-process.js';

const env = { VPS_API_TOKEN: TOKEN, VPS_BASE_URL: 'http://fake.invalid' };
const zoneFile = join(mkdtempSync(join(tmpdir(), 'vps-cli-apply-')), 'zone.db');
writeFileSync(zoneFile, '$TTL 300\n@ A 192.0.2.1\nwww A 192.0.2.2\nmail A 192.0.2.3\n');

let fetch: (request: Request) => Promise<Response>;
beforeEach(async () => {
  fetch = createFake().handler;
  const created = await runInProcess(['dns-zones', 'create', '--domain', 'example.com'], { env, fetch });
  expect(created.code).toBe(0);
});

const plan = async () => JSON.parse((await runInProcess(['dns', 'plan', 'example.com', zoneFile, '--json'], { env, fetch })).stdout);

describe('vps dns apply on a terminal', () => {
  it('asks, and applies on "yes", showing progress on stderr', async () => {
    const run = await runInProcess(['dns', 'apply', 'example.com', zoneFile], { env, fetch, stdinTTY: true, stderrTTY: true, stdin: 'yes\n' });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('Apply these changes to example.com? Only "yes" goes ahead: ');
    expect(run.stderr).toContain('\r\x1b[2Kapplying 3/3');
    expect(run.stdout).toContain('Applied: 3 added, 0 changed, 0 deleted.');
    expect((await plan()).add).toEqual([]);
  });

  it('changes nothing on another answer, and exits 1', async () => {
    const run = await runInProcess(['dns', 'apply', 'example.com', zoneFile], { env, fetch, stdinTTY: true, stdin: 'no\n' });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/Not applied\.\n$/);
    expect((await plan()).add).toHaveLength(3);
  });

  it('shows no progress with --json, even on a terminal', async () => {
    const run = await runInProcess(['dns', 'apply', 'example.com', zoneFile, '--yes', '--json'], { env, fetch, stderrTTY: true });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout).applied).toEqual({ add: 3, change: 0, delete: 0 });
  });

  it('refuses a zone file on stdin without --yes: nothing could be asked', async () => {
    const run = await runInProcess(['dns', 'apply', 'example.com', '-'], { env, fetch, stdin: '$TTL 60\n@ A 192.0.2.1\n' });
    expect(run.code).toBe(2);
    const piped = await runInProcess(['dns', 'apply', 'example.com', '-', '--yes'], { env, fetch, stdin: '$TTL 60\n@ A 192.0.2.1\n' });
    expect(piped.code).toBe(0);
    expect(piped.stdout).toContain('Applied: 1 added');
  });
});
