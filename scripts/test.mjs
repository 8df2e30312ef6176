#!/usr/bin/env node
// `pnpm test`: every package's tests through turbo (cached where nothing changed), then one closing line
// "N passed, N failed" summed from the vitest JSON reports, so CI and people read one number.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const packageDirs = ['spec', ...['packages', 'apps'].flatMap((d) =>
  existsSync(join(root, d)) ? readdirSync(join(root, d)).map((p) => join(d, p)) : [],
)].filter((d) => existsSync(join(root, d, 'package.json')));

// A stale report must not count: turbo restores it from cache when the task is a cache hit.
for (const dir of packageDirs) rmSync(join(root, dir, '.reports'), { recursive: true, force: true });

const args = ['turbo', 'run', 'test', '--continue', ...process.argv.slice(2)];
const run = spawnSync('pnpm', ['exec', ...args], { cwd: root, stdio: 'inherit' });

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
console.log(`${passed} passed, ${failed} failed`);
process.exit(run.status === 0 && failed === 0 ? 0 : 1);
