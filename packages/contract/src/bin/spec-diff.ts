#!/usr/bin/env node
// `pnpm spec:diff`: the spec's changes since it was last released, classified (see spec/README.md).
import { resolve } from 'node:path';
import { diffSpecs } from '../diff/diff.js';
import { formatChanges } from '../diff/report.js';
import { paths, readJson } from '../gate/files.js';
import { args, run } from './args.js';

const flags = args('spec:diff', { root: { type: 'string' }, json: { type: 'boolean' } });
run('spec:diff', async () => {
  const files = paths(resolve(String(flags.root ?? '.')));
  const changes = diffSpecs(readJson(files.released, 'pnpm version-packages'), readJson(files.current, 'pnpm build'));
  process.stdout.write(flags.json === true ? JSON.stringify(changes, null, 2) + '\n' : formatChanges(changes));
  return 0;
});
