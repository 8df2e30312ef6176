// A child never outlives what started it, whether a signal reaches it or not.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isRunning, processes } from '@vps-org/testkit/processes';
import { describe, expect, it } from 'vitest';
import { starters } from './starter.js';
import type { Readable } from 'node:stream';

// A plain `node` child cannot load TypeScript: it takes watchStarters from the built package.
const starterModule = fileURLToPath(new URL('../../dist/index.js', import.meta.url));
const preload = fileURLToPath(new URL('./exit-with-parent.cjs', import.meta.url));

/** Resolves with the pid a child prints on its first line. */
async function firstLine(stream: Readable) {
  const [chunk] = await once(stream, 'data');
  return String(chunk).trim();
}

/** Resolves once `pid` is gone (the test's timeout is the deadline). */
async function gone(pid: number) {
  while (isRunning(pid)) await new Promise((r) => setTimeout(r, 50));
  return true;
}

describe('watchStarters', () => {
  it('ends a program started through a shell and npm-like launchers when the outer launcher is killed', async () => {
    // sh -c '<node program> & echo $!; wait': the shell is the launcher that `kill $!`-style recipes hit.
    const program = `import { watchStarters } from ${JSON.stringify(starterModule)};
      watchStarters(() => process.exit(0)); setInterval(() => {}, 1000);`;
    const shell = spawn('sh', ['-c', `${JSON.stringify(process.execPath)} --input-type=module -e '${program}' & echo $!; wait`], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const pid = Number(await firstLine(shell.stdout));
    expect(isRunning(pid)).toBe(true);
    shell.kill('SIGKILL');
    expect(await gone(pid)).toBe(true);
  });

  it('ends it when a launcher above its parent is killed, though its parent lives on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lifeline-'));
    const program = join(dir, 'program.mjs');
    // The pid is printed once the chain is read: a launcher killed before that is one the program never saw.
    writeFileSync(program, `import { watchStarters } from ${JSON.stringify(starterModule)};
      watchStarters(() => process.exit(0)); console.log(process.pid); setInterval(() => {}, 1000);`);
    // outer sh (killed) -> inner sh (lives on: it waits for node, then runs `true`) -> node
    const outer = spawn('sh', ['-c', `sh -c '"${process.execPath}" "${program}"; true' & wait`], { stdio: ['ignore', 'pipe', 'inherit'] });
    const pid = Number(await firstLine(outer.stdout));
    const inner = processes().find((p) => p.pid === pid)?.ppid;
    expect(inner).not.toBe(outer.pid);
    outer.kill('SIGKILL');
    try {
      expect(await gone(pid)).toBe(true);
    } finally {
      if (isRunning(pid)) process.kill(pid, 'SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('watches the parent and the launchers above it, stopping at the first real program', () => {
    const chain = starters();
    expect(chain[0]).toBe(process.ppid);
    expect(chain).not.toContain(1);
  });
});

describe('the Prism preload', () => {
  it('ends a process whose parent was killed with SIGKILL', async () => {
    // The middle process spawns a grandchild with the preload, prints its pid, and is then killed without warning.
    const middle = spawn(
      process.execPath,
      [
        '-e',
        `const c = require('node:child_process').spawn(process.execPath, ['--require', ${JSON.stringify(preload)}, '-e', 'setInterval(() => {}, 1000)'],
          { stdio: 'ignore', env: { ...process.env, VPS_MOCK_PARENT_PID: String(process.pid) } }); console.log(c.pid); setInterval(() => {}, 1000);`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const grandchild = Number(await firstLine(middle.stdout));
    expect(isRunning(grandchild)).toBe(true);
    middle.kill('SIGKILL');
    await once(middle, 'exit');
    expect(await gone(grandchild)).toBe(true);
  });
});
