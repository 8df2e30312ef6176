import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { childProcesses, descendants, isAlive, isListening, processesWithEnv, processGroup } from '../src/processes.js';

describe('process checks through /proc', () => {
  it('find a child by parent, descent, group and environment marker, and see it gone once reaped', async () => {
    const marker = `m${process.pid}${Date.now()}`;
    const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { env: { ...process.env, TESTKIT_MARK: marker }, detached: true });
    const pid = child.pid!;
    try {
      expect(childProcesses(process.pid).map((p) => p.pid)).toContain(pid);
      expect(descendants(process.pid).map((p) => p.pid)).toContain(pid);
      expect(processGroup(pid).map((p) => p.pid)).toEqual([pid]);
      expect(processesWithEnv('TESTKIT_MARK', marker).map((p) => p.pid)).toEqual([pid]);
      expect(isAlive(pid)).toBe(true);
    } finally {
      child.kill('SIGKILL');
      await once(child, 'exit');
    }
    expect(isAlive(pid)).toBe(false);
    expect(processesWithEnv('TESTKIT_MARK', marker)).toEqual([]);
  });

  it('tell a listening port from a closed one', async () => {
    const server = createServer().listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as { port: number };
    expect(await isListening('127.0.0.1', port)).toBe(true);
    await new Promise((resolve) => server.close(resolve));
    expect(await isListening('127.0.0.1', port)).toBe(false);
  });
});
