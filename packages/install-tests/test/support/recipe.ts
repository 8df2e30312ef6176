// The mock README's CI recipe, run as written in a shell from the project where the mock is installed: only the
// port is changed, and its `npm test` line waits for the test to say "go on" (the test runs its own programs against
// the mock meanwhile), so that the recipe's own `kill "$MOCK_PID"` is what stops the mock.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { userEnv } from './project.js';

export interface RecipeRun {
  url: string;
  port: number;
  /** The recipe's `npm test` line, as the README writes it. */
  testLine: string;
  /** Lets the recipe go on to its `kill` line; resolves with the shell's exit code once it has run. Idempotent. */
  finish(): Promise<number | null>;
}

/** The shell block of the README's "In CI" section. */
export function readRecipe(readme: string): string {
  const section = readme.slice(readme.indexOf('## In CI'));
  const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1];
  if (!block) throw new Error('the README has no ```sh block under "## In CI"');
  return block;
}

/** Runs the recipe of the installed package's README in `dir` on `port`; resolves once the mock answers. */
export async function runRecipe(dir: string, port: number, marker: string): Promise<RecipeRun> {
  const recipe = readRecipe(readFileSync(join(dir, 'node_modules/@vps-org/mock/README.md'), 'utf8'));
  const lines = recipe.replaceAll('4010', String(port)).split('\n');
  const testAt = lines.findIndex((line) => /\bnpm test\b/.test(line));
  if (testAt < 0) throw new Error(`the recipe runs no \`npm test\`:\n${recipe}`);
  const testLine = lines[testAt]!;
  // Where the user's tests would run, the shell says it is ready and waits for a line on its stdin.
  lines[testAt] = 'echo ready; read _';
  const shell = spawn('sh', ['-ec', lines.join('\n')], { cwd: dir, env: userEnv({ VPS_INSTALL_TEST: marker }), stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  shell.stdout.on('data', (chunk: Buffer) => (output += chunk));
  shell.stderr.on('data', (chunk: Buffer) => (output += chunk));
  const exited = once(shell, 'exit').then(([code]) => code as number | null);
  const ready = new Promise<void>((resolve) => shell.stdout.on('data', () => output.includes('ready\n') && resolve()));
  const early = exited.then((code) => {
    throw new Error(`the recipe ended (exit ${code}) before its test step:\n${output}`);
  });
  await Promise.race([ready, early]);
  early.catch(() => undefined);
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    testLine: testLine.replaceAll(String(port), '4010'),
    finish() {
      if (!shell.stdin.writableEnded) shell.stdin.end('\n');
      return exited;
    },
  };
}
