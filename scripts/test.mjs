#!/usr/bin/env node
// `pnpm test`: every package's tests through turbo (cached where nothing changed), then one closing line
// "N passed, N failed" summed from the vitest JSON reports, so CI and people read one number.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const packageDirs = ['spec', ...['packages', 'apps'].flatMap((d) =>
  existsSync(join(root, d)) ? readdirSync(join(root, d)).map((p) => join(d, p)) : [],
)].filter((d) => existsSync(join(root, d, 'package.json')));

// A stale report must not count: turbo restores it from cache when the task is a cache hit.
for (const dir of packageDirs) rmSync(join(root, dir, '.reports'), { recursive: true, force: true });

// Every process the tests start inherits this marker, so whatever outlives the run can be found and named.
const runId = randomUUID();
const args = ['turbo', 'run', 'test', '--continue', ...process.argv.slice(2)];
const run = spawnSync('pnpm', ['exec', ...args], { cwd: root, stdio: 'inherit', env: { ...process.env, VPS_TEST_RUN_ID: runId } });

let passed = 0;
let failed = 0;
const missing = [];
for (const dir of packageDirs) {
  const pkg = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8'));
  if (!pkg.scripts?.test) continue;
  const report = join(root, dir, '.reports', 'vitest.json');
  if (!existsSync(report)) {
    missing.push(pkg.name);
    continue;
  }
  const r = JSON.parse(readFileSync(report, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests + (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0); // a skipped test is a failing test
  if (!r.success && r.numFailedTests === 0) failed += 1; // e.g. a suite that failed to load
}
// A package whose test task failed before vitest wrote a report counts as one failure.
failed += missing.length;
if (missing.length) console.error(`no test report from: ${missing.join(', ')}`);
if (run.status !== 0 && failed === 0) failed = 1;

// No mock (Prism), browser or server started by a test may outlive the run. The testkit is imported only now,
// because turbo has just built it.
const { processesWithEnv } = await import('@vps-org/testkit/processes');
const leftovers = processesWithEnv('VPS_TEST_RUN_ID', runId).map((p) => `  ${p.pid} ${p.cmdline.slice(0, 160)}`);
if (leftovers.length) {
  console.error(`processes left running by the tests:\n${leftovers.join('\n')}`);
  failed += 1;
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(run.status === 0 && failed === 0 ? 0 : 1);
