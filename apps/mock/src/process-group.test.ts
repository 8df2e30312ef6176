// killGroup on a real process tree that ignores SIGTERM: the grandchild goes too, and SIGKILL follows the grace.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { expect, it } from 'vitest';
import { killGroup } from './process-group.js';
import { isAlive } from './test-support.js';
import type { Readable } from 'node:stream';

// A parent that ignores SIGTERM and prints the pid of a grandchild that ignores it too.
const STUBBORN = `
  const { spawn } = require('node:child_process');
  process.on('SIGTERM', () => {});
  const grandchild = spawn(process.execPath, ['-e', "process.on('SIGTERM', () => {}); setInterval(() => {}, 1000)"], { stdio: 'ignore' });
  console.log(grandchild.pid);
  setInterval(() => {}, 1000);
`;

it('kills the whole group, escalating to SIGKILL after the grace period', async () => {
  const child = spawn(process.execPath, ['-e', STUBBORN], { detached: true, stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = once(child, 'exit');
  const [line] = await once(child.stdout as Readable, 'data');
  const grandchild = Number(String(line).trim());
  expect(isAlive(grandchild)).toBe(true);

  const started = Date.now();
  await killGroup(child.pid as number, exited, 300);

  expect(Date.now() - started).toBeGreaterThanOrEqual(300);
  expect((await exited)[1]).toBe('SIGKILL');
  expect(isAlive(child.pid as number)).toBe(false);
  expect(isAlive(grandchild)).toBe(false);
});
