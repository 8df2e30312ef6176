// The README's snippet, run as its comment says (node plan.mjs), importing the package by its name.
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const snippet = /```ts\n([\s\S]*?)```/.exec(README)![1]!;

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
});
