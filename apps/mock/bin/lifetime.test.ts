// How long the bin lives, as CI runners start it: in the background of a shell that exits (`nohup ... &`,
// `(... &)`), under a parent that is process 1, through `npx ... &` then `kill $!`, and with a SIGKILL to it or to
// its Prism. Real shells, a real npm, real processes: every wait is for an event (a line in the log, a process
// gone, a port closed), polled, never a duration.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { processesWithEnv } from '@vps-org/testkit/processes';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { findFreePort } from '../src/free-port.js';
import { call, isAlive, isListening } from '../src/test-support.js';

// The bin as published: the build's bundle of bin/vps-mock.ts, shebang and all.
const BIN = fileURLToPath(new URL('../dist/vps-mock.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'vps-mock-lifetime-'));
const MARK = 'VPS_MOCK_LIFETIME_TEST';
let marks = 0;

// Prism starts take seconds each on a loaded 2-core machine; these are process starts, so minutes.
const START = 240_000;

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Resolves once `check` holds, polling every 50 ms (the test's timeout is the deadline). */
async function until(check: () => boolean | Promise<boolean>) {
  while (!(await check())) await new Promise((r) => setTimeout(r, 50));
}

/** The text of a log file, empty while it does not exist. */
const readLog = (file: string) => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
};

/**
 * Runs `script` with `sh -c` and a unique marker in the environment, so that the mock and its Prism can be found
 * however they were reparented; resolves with the shell's exit and a way to find them.
 */
async function launch(script: (vars: { bin: string; node: string; log: string; port: number }) => string, { cwd }: { cwd?: string } = {}) {
  const mark = `${process.pid}-${++marks}`;
  const log = join(dir, `mock-${mark}.log`);
  const port = await findFreePort('127.0.0.1');
  const shell = spawn('sh', ['-c', script({ bin: JSON.stringify(BIN), node: JSON.stringify(process.execPath), log: JSON.stringify(log), port })], {
    cwd,
    env: { ...process.env, [MARK]: mark },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let stdout = '';
  shell.stdout.on('data', (chunk) => (stdout += chunk));
  const shellExit = once(shell, 'exit');
  const ours = () => processesWithEnv(MARK, mark).filter((p) => p.state !== 'Z');
  // The node process running the bin (not the shell, unshare or npm exec around it, nor Prism).
  const mock = () => ours().find((p) => /^\S*node\s/.test(p.cmdline) && p.cmdline.includes('vps-mock') && !p.cmdline.includes('prism-cli'));
  const prism = () => ours().find((p) => p.cmdline.includes('prism-cli'));
  cleanups.push(() => {
    for (const p of ours()) {
      try {
        process.kill(p.pid, 'SIGKILL');
      } catch {
        // gone meanwhile
      }
    }
  });
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    log: () => readLog(log),
    stdout: () => stdout,
    shellExit,
    mock,
    prism,
    /** Resolves once the mock has logged its URL. */
    listening: () => until(() => readLog(log).includes(`listening on ${url}`)),
  };
}

/** Stops the mock with `signal` and resolves once it, its Prism and its port are gone. */
async function stopsCleanly(run: Awaited<ReturnType<typeof launch>>, signal: NodeJS.Signals = 'SIGTERM') {
  const mock = run.mock();
  const prism = run.prism();
  expect(mock, run.log()).toBeDefined();
  expect(prism).toBeDefined();
  process.kill(mock?.pid as number, signal);
  await until(() => !isAlive(mock?.pid as number) || run.mock() === undefined);
  await until(() => run.prism() === undefined);
  expect(await isListening('127.0.0.1', Number(new URL(run.url).port))).toBe(false);
}

/** The mock answers, with the launcher gone. */
async function servesAfterLauncherExit(run: Awaited<ReturnType<typeof launch>>) {
  await run.shellExit;
  await run.listening();
  expect((await call(run.url, '/_mock/health', { auth: false })).status).toBe(200);
  expect((await call(run.url, '/api/v1/servers/')).status).toBe(200);
  expect(run.log()).not.toMatch(/stopping/);
}

describe('the bin outlives the shell that started it in the background', () => {
  it('nohup ... &', { timeout: START }, async () => {
    const run = await launch(({ bin, node, log, port }) => `nohup ${node} ${bin} --port ${port} > ${log} 2>&1 &`);
    await servesAfterLauncherExit(run);
    await stopsCleanly(run);
  });

  it('(... &) in a subshell', { timeout: START }, async () => {
    const run = await launch(({ bin, node, log, port }) => `(${node} ${bin} --port ${port} > ${log} 2>&1 &)`);
    await servesAfterLauncherExit(run);
    await stopsCleanly(run, 'SIGINT');
  });

  it('under a parent that is process 1 (a container), stopped by SIGHUP', { timeout: START }, async () => {
    // sh is process 1 of a new pid namespace, as an init is in a container; the mock is its child.
    const run = await launch(
      ({ bin, node, log, port }) => `unshare --user --map-root-user --fork --pid sh -c '${node} ${bin} --port ${port} > ${log} 2>&1 & echo started; wait' &`,
    );
    await run.shellExit;
    await run.listening();
    expect((await call(run.url, '/api/v1/servers/')).status).toBe(200);
    await stopsCleanly(run, 'SIGHUP');
    expect(run.log()).not.toMatch(/stopping/);
  });
});

describe('what stops it', () => {
  it('kill $! after npx ... &: npm exec is killed, and the mock and Prism stop', { timeout: START }, async () => {
    // A project with the bin installed as npx finds it: node_modules/.bin/<name> -> the package's bin.
    const project = join(dir, 'npx-project');
    const pkg = join(project, 'node_modules', 'vps-mock-under-test');
    mkdirSync(join(project, 'node_modules', '.bin'), { recursive: true });
    mkdirSync(pkg, { recursive: true });
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'ci-project', version: '1.0.0', dependencies: { 'vps-mock-under-test': '1.0.0' } }));
    writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: 'vps-mock-under-test', version: '1.0.0', bin: { 'vps-mock-under-test': 'cli.mjs' } }));
    writeFileSync(join(pkg, 'cli.mjs'), `#!/usr/bin/env node\nimport ${JSON.stringify(BIN)};\n`);
    chmodSync(join(pkg, 'cli.mjs'), 0o755);
    symlinkSync('../vps-mock-under-test/cli.mjs', join(project, 'node_modules', '.bin', 'vps-mock-under-test'));

    const run = await launch(({ log, port }) => `npx --no -- vps-mock-under-test --port ${port} > ${log} 2>&1 & echo $!`, { cwd: project });
    await run.shellExit;
    await run.listening();
    const npx = Number(run.stdout().trim());
    expect(isAlive(npx)).toBe(true);
    const prism = run.prism();
    expect(prism).toBeDefined();

    process.kill(npx, 'SIGTERM');
    await until(() => run.mock() === undefined);
    await until(() => run.prism() === undefined);
    expect(run.log()).toContain('vps-mock: stopping: the npx (npm exec, pnpm) that runs it is gone');
    expect(await isListening('127.0.0.1', Number(new URL(run.url).port))).toBe(false);
  });

  it('--exit-with-parent: stops when its launcher goes, and says why', { timeout: START }, async () => {
    // The shell waits until the mock has logged its URL, then exits: the mock's launcher is gone.
    const run = await launch(
      ({ bin, node, log, port }) =>
        `${node} ${bin} --exit-with-parent --port ${port} > ${log} 2>&1 & until grep -q listening ${log} 2>/dev/null; do sleep 0.1; done`,
    );
    await run.shellExit;
    await until(() => run.log().includes('vps-mock: stopping: the process that started it is gone (--exit-with-parent)'));
    await until(() => run.mock() === undefined && run.prism() === undefined);
  });

  it('SIGKILL of the mock takes Prism with it', { timeout: START }, async () => {
    const run = await launch(({ bin, node, log, port }) => `${node} ${bin} --port ${port} > ${log} 2>&1 &`);
    await run.shellExit;
    await run.listening();
    const prism = run.prism();
    expect(prism).toBeDefined();
    process.kill(run.mock()?.pid as number, 'SIGKILL');
    await until(() => run.prism() === undefined);
  });
});

describe('a Prism that dies', () => {
  it('is restarted, with one line in the log; the fake keeps its state and the mock answers on', { timeout: START }, async () => {
    const run = await launch(({ bin, node, log, port }) => `${node} ${bin} --stateful --transition-ms 0 --port ${port} > ${log} 2>&1 &`);
    await run.shellExit;
    await run.listening();
    const zone = await call(run.url, '/api/v1/dns-zones/', { method: 'POST', body: { domain: 'survives.example' } });
    expect(zone.status).toBe(201);

    const first = run.prism()?.pid as number;
    process.kill(first, 'SIGKILL');
    await until(() => run.log().includes('restarted it on port'));
    const restartLines = run.log().split('\n').filter((line) => line.includes('Prism'));
    expect(restartLines).toEqual([expect.stringMatching(/^vps-mock: Prism was killed by SIGKILL; restarted it on port \d+, the fake kept its state$/)]);
    expect(run.prism()?.pid).not.toBe(first);

    const again = await call(run.url, `/api/v1/dns-zones/${zone.json.uuid}/`);
    expect(again).toMatchObject({ status: 200, json: { domain: 'survives.example' } });
    await stopsCleanly(run);
  });
});
