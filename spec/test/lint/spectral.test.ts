import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const specDir = fileURLToPath(new URL('../../', import.meta.url));

/** Spectral's findings on the bundle under a ruleset. */
async function spectral(ruleset: string): Promise<Array<{ code: string; severity: number; path: string[] }>> {
  // spectral exits 1 when it finds problems; the JSON report is what we read either way.
  const out = await run('pnpm', ['exec', 'spectral', 'lint', 'dist/openapi.json', '--ruleset', ruleset, '--format', 'json', '--quiet'], {
    cwd: specDir,
    maxBuffer: 64 * 1024 * 1024,
  }).catch((e: { stdout: string }) => e);
  return JSON.parse(out.stdout) as Array<{ code: string; severity: number; path: string[] }>;
}

describe('spectral', () => {
  it('spectral:oas finds nothing (no error, no warning)', async () => {
    expect(await spectral('.spectral.yaml')).toEqual([]);
  });

  it('every OWASP rule that still reports is listed with its justification in README.md, and no other', async () => {
    const found = new Set((await spectral('.spectral-owasp.yaml')).map((f) => f.code));
    const readme = readFileSync(new URL('README.md', `file://${specDir}`), 'utf8');
    const section = readme.slice(readme.indexOf('## OWASP findings that remain'));
    const listed = new Set([...section.matchAll(/^\| `(owasp:[^`]+)` \| [^|]+ \| ([^|]+) \|$/gm)].map((m) => m[1]));
    expect(found.size).toBeGreaterThan(0);
    expect([...found].sort()).toEqual([...listed].sort());
  });
});
