// The bin as another team's CI runs it: a real process, a real Prism, a real signal.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { findFreePort } from '../src/free-port.js';
import { call, isAlive, isListening, prismChildren, TOKEN } from '../src/test-support.js';
import type { ChildProcess } from 'node:child_process';

// The bin as published: the build's bundle of bin/vps-mock.ts, shebang and all.
const BIN = fileURLToPath(new URL('../dist/vps-mock.js', import.meta.url));

const started: ChildProcess[] = [];
afterEach(() => {
  // A failed assertion must not leave the bin (or, through it, Prism) running.
  for (const child of started.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

function runBin(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  started.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => (stdout += chunk));
  child.stderr?.on('data', (chunk) => (stderr += chunk));
  const exited = once(child, 'exit').then(([code, signal]) => ({ code, signal, stdout, stderr }));
  /** Resolves with the URL the bin logs, or rejects if it exits first. */
  const url = new Promise<string>((done, fail) => {
    child.stdout?.on('data', () => {
      const match = /listening on (http:\/\/\S+)/.exec(stdout);
      if (match?.[1]) done(match[1]);
    });
    exited.then((result) => fail(new Error(`vps-mock exited before logging its URL: ${JSON.stringify(result)}`)));
  });
  // Tests of failed starts never await the URL.
  url.catch(() => {});
  return { child, url, exited };
}

describe('vps-mock', () => {
  it.each(['SIGTERM', 'SIGINT', 'SIGHUP'])('takes its port from PORT, logs the URL and exits cleanly on %s', async (signal) => {
    const port = await findFreePort('127.0.0.1');
    const bin = runBin([], { PORT: String(port) });
    expect(await bin.url).toBe(`http://127.0.0.1:${port}`);
    const res = await call(`http://127.0.0.1:${port}`, '/api/v1/servers/');
    expect(res.status).toBe(200);

    const prism = prismChildren(bin.child.pid as number);
    expect(prism).toHaveLength(1);
    bin.child.kill(signal as NodeJS.Signals);
    const exit = await bin.exited;

    expect(exit).toMatchObject({ code: 0, signal: null });
    expect(isAlive(prism[0]?.pid as number)).toBe(false);
    expect(await isListening('127.0.0.1', port)).toBe(false);
  });

  it('--port wins over PORT', async () => {
    const port = await findFreePort('127.0.0.1');
    const bin = runBin(['--port', String(port)], { PORT: '1' });
    expect(await bin.url).toBe(`http://127.0.0.1:${port}`);
    bin.child.kill('SIGTERM');
    expect(await bin.exited).toMatchObject({ code: 0 });
  });

  it('answers -h, --help and --version', async () => {
    for (const flag of ['-h', '--help']) {
      const exit = await runBin([flag]).exited;
      expect([exit.code, exit.stdout.split('\n')[0]]).toEqual([0, expect.stringMatching(/^Usage: vps-mock /)]);
    }
    const version = await runBin(['--version']).exited;
    expect([version.code, version.stdout.trim()]).toEqual([0, JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version]);
  });

  it('exits 1 with one clear line when the port is in use', async () => {
    const server = createServer();
    await new Promise((done) => server.listen(0, '127.0.0.1', () => done(undefined)));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      const exit = await runBin(['--port', String(port)]).exited;
      expect(exit.code).toBe(1);
      expect(exit.stderr.trim()).toBe(`vps-mock: port ${port} is in use; pass --port (or PORT) with another port, or 0 for a free one`);
      expect(exit.stdout).toBe('');
    } finally {
      server.close();
    }
  });

  it('--stateful keeps what is created, per token, until POST /_mock/reset, and exits cleanly', async () => {
    const bin = runBin(['--stateful', '--port', '0', '--transition-ms', '0', '--latency-ms', '1']);
    const url = await bin.url;
    const zone = await call(url, '/api/v1/dns-zones/', { method: 'POST', body: { domain: 'bin.example' } });
    expect(zone.status).toBe(201);
    expect((await call(url, `/api/v1/dns-zones/${zone.json.uuid}/`)).json).toMatchObject({ domain: 'bin.example', records: [] });
    expect((await call(url, '/_mock/reset', { method: 'POST' })).status).toBe(204);
    expect((await call(url, `/api/v1/dns-zones/${zone.json.uuid}/`)).status).toBe(404);

    const prism = prismChildren(bin.child.pid as number);
    expect(prism).toHaveLength(1);
    expect(prism[0]?.cmdline).toContain(' proxy ');
    bin.child.kill('SIGTERM');
    const exit = await bin.exited;
    expect(exit).toMatchObject({ code: 0, signal: null });
    expect(exit.stdout).toContain('(stateful) listening on');
    expect(exit.stderr).not.toContain('SPEC VIOLATION');
    expect(isAlive(prism[0]?.pid as number)).toBe(false);
  });

  it('--seed starts the fake with a file’s state, which GET /_mock/state gives back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vps-mock-seed-'));
    const file = join(dir, 'state.json');
    const seed = { accounts: { [TOKEN]: { servers: [{ id: 7, name: 'seeded', plan_id: 2, os_id: 3, location: 'us-east' }], zones: [{ domain: 'seeded.example' }] } } };
    writeFileSync(file, JSON.stringify(seed));
    try {
      const bin = runBin(['--stateful', '--port', '0', '--seed', file]);
      const url = await bin.url;
      expect((await call(url, '/api/v1/servers/7/')).json).toMatchObject({ name: 'seeded', status: 'active', plan: { name: 'Performance VPS' } });
      const state = await call(url, '/_mock/state');
      expect(state.json.accounts[TOKEN]).toMatchObject({ servers: [{ id: 7, name: 'seeded' }], zones: [{ domain: 'seeded.example', records: [] }] });
      bin.child.kill('SIGTERM');
      expect(await bin.exited).toMatchObject({ code: 0 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a seed that does not fit with one line naming the file and the field, without starting Prism', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vps-mock-seed-'));
    const file = join(dir, 'state.json');
    writeFileSync(file, JSON.stringify({ accounts: { vps_ci: { servers: [{ name: 'x', plan_id: 2, os_id: 99, location: 'us-east' }] } } }));
    try {
      const exit = await runBin(['--stateful', '--seed', file]).exited;
      expect(exit.code).toBe(1);
      expect(exit.stderr.trim()).toBe(`vps-mock: --seed ${file}: accounts.vps_ci.servers[0].os_id: Invalid pk "99" - object does not exist.`);
      writeFileSync(file, '{"accounts":');
      const notJson = await runBin(['--stateful', '--seed', file]).exited;
      expect([notJson.code, notJson.stderr]).toEqual([1, expect.stringContaining(`vps-mock: --seed ${file}: not JSON:`)]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([
    [['--seed', 'state.json'], '--seed only applies with --stateful'],
    [['--transition-ms', '5'], '--transition-ms only applies with --stateful'],
    [['--stateful', '--transition-ms', 'soon'], '--transition-ms must be a whole number of milliseconds'],
    [['--latency-ms=-1'], '--latency-ms must be a whole number of milliseconds'],
    [['--stateful', '--dynamic'], '--dynamic and --stateful exclude each other'],
  ])('refuses %j without starting Prism', async (args, message) => {
    const exit = await runBin(args).exited;
    expect(exit.code).toBe(1);
    expect(exit.stderr).toContain(message);
  });

  it('rejects a bad --port without starting Prism', async () => {
    const exit = await runBin(['--port', 'http']).exited;
    expect(exit.code).toBe(1);
    expect(exit.stderr).toContain('--port must be a port number');
  });
});
