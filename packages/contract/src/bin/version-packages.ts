#!/usr/bin/env node
// `pnpm version-packages`: `changeset version`, then the API's changes into spec/CHANGELOG.md under the new version,
// and the spec as released into spec/released/openapi.json (what the gate compares with from then on).
import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { changelogSection, insertSection } from '../changelog/changelog.js';
import { diffSpecs } from '../diff/diff.js';
import { paths, readJson, readPending } from '../gate/files.js';
import { checkGate } from '../gate/gate.js';
import { args, fail, run } from './args.js';

const flags = args('version-packages', { root: { type: 'string' }, force: { type: 'boolean' } });
run('version-packages', async () => {
  const root = resolve(String(flags.root ?? '.'));
  const files = paths(root);
  const current = readJson(files.current, 'pnpm build');
  const changes = diffSpecs(readJson(files.released, 'pnpm version-packages'), current);
  const gate = checkGate(changes, await readPending(root));
  // Releasing a breaking change under a minor version is the mistake the gate exists for.
  if (!gate.ok && flags.force !== true) fail('version-packages', `${gate.lines[0]} (--force releases anyway)`);

  const changesetBin = createRequire(resolve(root, 'package.json')).resolve('@changesets/cli/bin.js');
  const result = spawnSync(process.execPath, [changesetBin, 'version'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) fail('version-packages', `changeset version exited with ${result.status ?? result.signal}`);

  const { version } = readJson(files.specPackage, 'the repository') as { version: string };
  writeFileSync(files.changelog, insertSection(readFileSync(files.changelog, 'utf8'), version, changelogSection(changes)));
  copyFileSync(files.current, files.released);
  process.stdout.write(`version-packages: ${changes.length} API change(s) written to spec/CHANGELOG.md under ${version}; spec/released/openapi.json updated\n`);
  return 0;
});
