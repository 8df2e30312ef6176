// Every snippet of the README, run: its shell lines through the built binary against the stateful mock (in order,
// with the exit code each documents), its zone file as the file they use, its plan output through the planner.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMock, type MockServer } from '@vps-org/mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseZoneFile, planChanges, planLines, planSummary } from '@vps-org/dns';
import { runVps } from '../support/run-binary.js';

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const blocks = [...README.matchAll(/^( *)```(\w+)\n([\s\S]*?)^\1```$/gm)].map(([, indent, lang, body]) => ({
  lang: lang!,
  body: body!.replace(new RegExp(`^${indent}`, 'gm'), ''),
}));
const TOKEN = `vps_e2e_readme_${process.pid}`;

let mock: MockServer;
let dir: string;

beforeAll(async () => {
  mock = await startMock({ stateful: true, transitionMs: 1 });
  dir = mkdtempSync(join(tmpdir(), 'vps-cli-readme-'));
});

afterAll(async () => {
  await mock?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** `vps a 'b c' > f  # exit 2` -> the arguments, the file stdout goes to, and the exit code it documents. */
function commandLine(line: string): { args: string[]; redirect?: string; exit: number } {
  const exit = Number(/#\s*exit (\d)/.exec(line)?.[1] ?? 0);
  const command = line.replace(/\s+#.*$/, '');
  const [words = '', redirect] = command.split(/\s+>\s+/);
  const args = [...words.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
  expect(args.shift(), line).toBe('vps');
  return { args, exit, ...(redirect && { redirect: redirect.trim() }) };
}

describe('README', () => {
  it('has the snippets this test runs', () => {
    expect(blocks.map((b) => b.lang)).toEqual(['sh', 'sh', 'sh', 'text', 'zone']);
  });

  it('runs every shell snippet against the stateful mock with the exit codes it documents', async () => {
    writeFileSync(join(dir, 'example.com.zone'), blocks.find((b) => b.lang === 'zone')!.body);
    const env = { VPS_API_TOKEN: TOKEN, VPS_BASE_URL: mock.url };
    let ran = 0;
    for (const block of blocks.filter((b) => b.lang === 'sh')) {
      for (const line of block.body.split('\n')) {
        if (!line.trim() || line.startsWith('#')) continue;
        if (line.startsWith('export ')) {
          expect(line).toMatch(/^export VPS_(API_TOKEN|BASE_URL)=/);
          continue;
        }
        const { args, redirect, exit } = commandLine(line);
        const run = await runVps(args, env, undefined, dir);
        expect({ line, code: run.code, stderr: run.code === exit ? '' : run.stderr }).toEqual({ line, code: exit, stderr: '' });
        if (redirect) writeFileSync(join(dir, redirect), run.stdout);
        ran++;
      }
    }
    expect(ran).toBe(16);
  });

  it('shows plan output the planner prints', () => {
    const text = blocks.find((b) => b.lang === 'text')!.body;
    const held = (name: string, value: string, ttl: number) => ({ uuid: name, name, type: 'A' as const, value, ttl, priority: null });
    const plan = planChanges(
      [
        { name: 'www', type: 'A', value: '192.0.2.10', ttl: 300, priority: null },
        { name: 'mail', type: 'A', value: '192.0.2.25', ttl: 900, priority: null },
      ],
      [held('mail', '192.0.2.25', 600), held('old', '192.0.2.9', 3600)],
    );
    expect([...planLines(plan), planSummary(plan), ''].join('\n')).toBe(text);
  });

  it('has a zone file that parses into the records it describes', () => {
    const parsed = parseZoneFile(blocks.find((b) => b.lang === 'zone')!.body, { zone: 'example.com', file: 'README' });
    expect(new Set(parsed.records.map((r) => r.type))).toEqual(new Set(['A', 'AAAA', 'CNAME', 'MX', 'TXT', 'NS', 'SRV', 'CAA']));
    expect(parsed.notices).toHaveLength(1); // the SOA; apex NS records are left out by the plan, not the parser
  });
});
