// publint (strict) and attw (its default profile) on every publishable package. What attw is told to pass over is
// explained in the packages' READMEs: the one rule ignored, cjs-resolves-to-esm, is the packages being ESM-only
// (Node >= 20.19 require()s them); the spec package's data entry points (its JSON and YAML bundles) have no types.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { packageDir, packAll, PUBLISHED } from './support/pack.js';

const run = promisify(execFile);
const bin = (name: string) => new URL(`../node_modules/.bin/${name}`, import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'vps-lint-packages-'));
const tarballs = packAll(dir);
const DATA_ENTRY_POINTS = ['openapi.yaml', 'openapi.json', 'openapi.ko.json', 'openapi.fr.json', 'fixtures/seeds.json'];


afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(PUBLISHED)('%s', (name) => {
  it('passes publint --strict', async () => {
    const { stdout } = await run(bin('publint'), ['--strict'], { cwd: packageDir(name) });
    expect(stdout).toContain('All good!');
  });

  it('passes attw with its default profile', async () => {
    const args = [tarballs[name], '--ignore-rules', 'cjs-resolves-to-esm', '--exclude-entrypoints', ...DATA_ENTRY_POINTS, '--format', 'ascii'];
    const result = await run(bin('attw'), args).catch((error: { stdout: string }) => ({ stdout: error.stdout, failed: true }));
    expect(result, result.stdout).not.toHaveProperty('failed');
    expect(result.stdout).toContain('No problems found');
  });
});
