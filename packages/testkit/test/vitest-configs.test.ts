// Every package's tests run with the shared settings: the JSON report the summary line counts, and hang guards sized
// for a busy runner. A package whose config forgets them would pass here and fail on a loaded CI machine.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const packages = ['spec', ...['apps', 'packages'].flatMap((d) => readdirSync(join(root, d)).map((p) => join(d, p)))]
  .filter((dir) => existsSync(join(root, dir, 'package.json')))
  .filter((dir) => JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')).scripts?.test);

describe('every package with tests', () => {
  it('is found', () => {
    expect(packages).toContain('packages/testkit');
    expect(packages.length).toBeGreaterThan(5);
  });

  it.each(packages)('%s spreads the shared testDefaults into its vitest config', (dir) => {
    const config = ['vitest.config.ts', 'vitest.config.js', 'vitest.config.mjs'].map((f) => join(root, dir, f)).find(existsSync);
    expect(config, `${dir} has no vitest config`).toBeDefined();
    const source = readFileSync(config!, 'utf8');
    expect(source).toMatch(/\.\.\.testDefaults\b/);
    // A bound set lower than the shared one again is the guess a busy runner breaks.
    for (const [, key, value] of source.matchAll(/\b(testTimeout|hookTimeout):\s*([\d_]+)/g)) {
      expect(Number(value!.replaceAll('_', '')), `${dir}: ${key}`).toBeGreaterThanOrEqual(300_000);
    }
  });

  it.each(packages)('%s sets no per-test or per-hook bound below the shared one', (dir) => {
    const low: string[] = [];
    for (const file of testFiles(join(root, dir))) {
      const source = readFileSync(file, 'utf8');
      // `it(..., () => {...}, 60_000)` and `beforeAll(..., 60_000)`: a number closing a test or hook call.
      for (const [call, value] of source.matchAll(/^\s*\}, ([\d_]{4,})\);$/gm)) {
        if (Number(value!.replaceAll('_', '')) < 300_000) low.push(`${file.slice(root.length)}: ${call}`);
      }
    }
    expect(low).toEqual([]);
  });
});

/** Every test file below `dir`, outside node_modules and build outputs. */
function testFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (['node_modules', 'dist', 'lib', '.turbo', 'test-artifacts'].includes(name)) return [];
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return testFiles(path);
    return /\.test\.[cm]?[jt]s$/.test(name) ? [path] : [];
  });
}
