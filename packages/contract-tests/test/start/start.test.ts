// `pnpm start`, the repository's main job, as a person runs it and stops it: by Ctrl-C, or by a kill of the pnpm
// process it was started as (pnpm does not pass the signal on; the servers watch whatever started them).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { eventually } from '@vps-org/testkit';
import { freePort, isListening, processesWithEnv } from '@vps-org/testkit/processes';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../../', import.meta.url));

/** `pnpm start` with the given environment; resolves with its output once it exits or prints `until`. */
function start(env: Record<string, string>, marker: string) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(npm_|PNPM_|TURBO_|INIT_CWD)/i.test(k)));
  const child = spawn('pnpm', ['start'], { cwd: root, env: { ...clean, ...env, VPS_START_TEST: marker }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk));
  const exited = once(child, 'exit').then(([code]) => ({ code: code as number | null, output }));
  const ready = new Promise<void>((resolve) => child.stdout.on('data', () => output.includes('Ctrl-C stops both') && resolve()));
  return { child, exited, ready, output: () => output };
}

// `pnpm start` builds before it serves (cache hits, but turbo, Redocly and Prism still start): minutes on a busy runner.
const STARTS = 600_000;

describe('pnpm start', () => {
  it('serves the mock and the docs, and a SIGTERM to pnpm stops them all and frees both ports', async () => {
    const [mockPort, docsPort] = [await freePort(), await freePort()];
    const marker = `start-${process.pid}-term`;
    const run = start({ MOCK_PORT: String(mockPort), DOCS_PORT: String(docsPort) }, marker);
    await Promise.race([run.ready, run.exited.then(({ output }) => Promise.reject(new Error(`pnpm start ended:\n${output}`)))]);
    const docs = await fetch(`http://127.0.0.1:${docsPort}/ko/`);
    expect(docs.status).toBe(200);
    const api = await fetch(`http://127.0.0.1:${mockPort}/api/v1/servers/`, { headers: { Authorization: 'Bearer vps_test' } });
    expect(api.status).toBe(200);

    run.child.kill('SIGTERM');
    await eventually('every process of the run has ended', () => processesWithEnv('VPS_START_TEST', marker).length === 0);
    expect(await isListening('127.0.0.1', mockPort)).toBe(false);
    expect(await isListening('127.0.0.1', docsPort)).toBe(false);
  }, STARTS);

  it.each([
    [{ MOCK_PORT: 'abc' }, 'pnpm start: MOCK_PORT must be a port number from 0 to 65535, got "abc"'],
    [{ DOCS_PORT: '70000' }, 'pnpm start: DOCS_PORT must be a port number from 0 to 65535, got "70000"'],
  ])('refuses %j with one line and exit 1', async (env, line) => {
    const { code, output } = await start(env, `start-${process.pid}-bad`).exited;
    expect(code).toBe(1);
    expect(output).toContain(line);
    expect(output).not.toMatch(/\n\s+at /); // no stack trace
  }, STARTS);

  it('names the variable to change when a port is in use', async () => {
    const busy = createServer().listen(0, '127.0.0.1');
    await once(busy, 'listening');
    const { port } = busy.address() as { port: number };
    try {
      const { code, output } = await start({ DOCS_PORT: String(port), MOCK_PORT: '0' }, `start-${process.pid}-busy`).exited;
      expect(code).toBe(1);
      expect(output).toContain(`pnpm start: port ${port} is in use; set DOCS_PORT to another port (or 0 for a free one)`);
      expect(output).not.toMatch(/\n\s+at /);
    } finally {
      busy.close();
    }
  }, STARTS);
});
