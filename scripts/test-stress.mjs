#!/usr/bin/env node
// `pnpm test:stress`: the whole suite as `pnpm test` runs it, with CPU-bound processes beside it (two by default,
// STRESS_HOGS to change), as on a shared CI runner with a build next to the tests. The hogs are started before the
// suite and stopped after it, whatever happens; each also ends by itself if this script is gone or after two hours.
import { spawn } from 'node:child_process';

const count = Number(process.env.STRESS_HOGS ?? 2);
if (!Number.isInteger(count) || count < 0 || count > 16) {
  console.error(`test:stress: STRESS_HOGS must be a whole number from 0 to 16, got "${process.env.STRESS_HOGS}"`);
  process.exit(1);
}

// Spins until its parent is gone (re-checked between bursts) or its time is up; never touches the network or disk.
const HOG = `
const parent = process.ppid, end = Date.now() + 2 * 60 * 60 * 1000;
for (;;) {
  const burst = Date.now() + 200;
  while (Date.now() < burst) Math.sqrt(Math.random());
  if (process.ppid !== parent || Date.now() > end) process.exit(0);
}`;

const hogs = Array.from({ length: count }, () => spawn(process.execPath, ['-e', HOG], { stdio: 'ignore' }));
const stopHogs = () => hogs.forEach((hog) => hog.exitCode === null && hog.kill('SIGKILL'));
process.on('exit', stopHogs);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => process.exit(130));

const started = Date.now();
console.log(`test:stress: ${count} CPU-bound processes (${hogs.map((h) => h.pid).join(', ')}) run beside the suite`);
const suite = spawn(process.execPath, [new URL('test.mjs', import.meta.url).pathname, ...process.argv.slice(2)], { stdio: 'inherit' });
suite.on('exit', (code, signal) => {
  const seconds = Math.round((Date.now() - started) / 1000);
  stopHogs();
  console.log(`test:stress: the suite took ${seconds} s beside ${count} CPU-bound processes`);
  process.exit(code ?? (signal ? 1 : 0));
});
