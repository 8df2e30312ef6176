// The README's snippet, run as its comment says (node plan.mjs), importing the package by its name.
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const [snippet = '', fullPlan = ''] = [...README.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);

describe('README', () => {
  it('its snippet runs and prints what its comments say', async () => {
    // Inside the package, so that `@vps-org/dns` resolves to the package itself (its built dist/).
    const dir = new URL('../test-artifacts/', import.meta.url);
    mkdirSync(dir, { recursive: true });
    const file = new URL('readme-plan.mjs', dir);
    writeFileSync(file, snippet);
    const { stdout } = await promisify(execFile)(process.execPath, [file.pathname]);
    expect(stdout).toContain("{\n  name: '@',\n  type: 'A',\n  value: '192.0.2.1',\n  priority: null,\n  ttl: 300,\n  line: 3\n}");
    expect(stdout).toContain('Plan: 3 to add, 0 to change, 1 to delete.');
    expect(stdout).toContain('- old\t300\tIN\tA\t192.0.2.9');
    expect(stdout).toContain('$ORIGIN example.com.\n$TTL 300\n');
    expect(stdout.trimEnd().endsWith('[]')).toBe(true);
  });

  it('its full-plan snippet type-checks against the package and the client', async () => {
    const dir = new URL('../test-artifacts/', import.meta.url);
    mkdirSync(dir, { recursive: true });
    const file = new URL('readme-full-plan.ts', dir);
    const names = [...new Set(fullPlan.match(/\b(parseZoneFile|currentState|planZone|safetyViolation|applyPlan|clientWriter)\b/g))];
    const header = [
      `import { ${names.join(', ')} } from '@vps-org/dns';`,
      "import type { VpsClient } from '@vps-org/client';",
      'declare const vps: VpsClient;',
      'declare const text: string;',
    ];
    writeFileSync(file, `${header.join('\n')}\n${fullPlan}\nexport {};\n`);
    // The workspace's own TypeScript (a root dev dependency).
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    const args = ['--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--skipLibCheck', '--types', 'node', file.pathname];
    const result = await promisify(execFile)(process.execPath, [tsc, ...args]).catch((error: { stdout: string }) => ({ stdout: error.stdout, failed: true }));
    expect(result, result.stdout).not.toHaveProperty('failed');
  });
});
