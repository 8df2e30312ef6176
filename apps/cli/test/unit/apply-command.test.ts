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

describe('vps dns apply when a write fails', () => {
  const many = join(mkdtempSync(join(tmpdir(), 'vps-cli-apply-')), 'many.db');
  writeFileSync(many, `$TTL 300\n${Array.from({ length: 30 }, (_, i) => `h${i} A 192.0.2.${i + 1}`).join('\n')}\n`);

  /** The fake, except that the POST of record h3 gets `answer` instead (a refusal, or a dropped connection). */
  const failing = (answer: () => Promise<Response>) => async (request: Request): Promise<Response> => {
    if (request.method === 'POST' && (await request.clone().text()).includes('"name":"h3"')) return answer();
    return fetch(request);
  };

  it('a refusal: the failed line, the not-applied count with its first lines, exit 1', async () => {
    const refuse = failing(async () => Response.json({ detail: 'No.', error_code: 'validation_error', field: 'value' }, { status: 400 }));
    const run = await runInProcess(['dns', 'apply', 'example.com', many, '--yes', '--concurrency', '1'], { env, fetch: refuse });
    expect(run.code).toBe(1);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe('error: the API refused a change; applied 3 added, 0 changed, 0 deleted before stopping.');
    expect(lines[1]).toMatch(/^failed: \+ h3\t300\tIN\tA\t192\.0\.2\.4: 400: No\. \[validation_error, field: value\]/);
    expect(lines[2]).toBe('not applied: 26, the first 10:');
    expect(lines.slice(3, 13)).toEqual(Array.from({ length: 10 }, (_, i) => `  + h${i + 4}\t300\tIN\tA\t192.0.2.${i + 5}`));
    expect(lines.slice(13)).toEqual(['  ... and 16 more', 'Run the same apply again to finish: what is done already will not be redone.']);
  });

  it('a network failure: reported as such, and the write without an answer listed as unknown, not failed', async () => {
    const drop = failing(async () => {
      throw new TypeError('fetch failed', { cause: new Error('socket hang up') });
    });
    const run = await runInProcess(['dns', 'apply', 'example.com', many, '--yes', '--concurrency', '1'], { env, fetch: drop });
    expect(run.code).toBe(1);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^error: the API could not be reached or failed \(.*socket hang up.*\); applied 3 added, 0 changed, 0 deleted before stopping\.$/);
    expect(run.stderr).not.toContain('refused');
    expect(run.stderr).not.toMatch(/^failed:/m);
    expect(lines.slice(1, 3)).toEqual(['unknown (sent, no answer: may have been applied): 1:', '  + h3\t300\tIN\tA\t192.0.2.4']);
    const json = await runInProcess(['dns', 'apply', 'example.com', many, '--yes', '--concurrency', '1', '--json'], { env, fetch: drop });
    expect(JSON.parse(json.stdout)).toMatchObject({ failed: [], unknown: [{ action: 'add', record: { name: 'h3' } }] });
  });
});
