#!/usr/bin/env node
// `pnpm spec:check`: fails when the spec changed since its release and no pending changeset declares the bump.
import { resolve } from 'node:path';
import { diffSpecs } from '../diff/diff.js';
import { paths, readJson, readPending } from '../gate/files.js';
import { checkGate } from '../gate/gate.js';
import { args, run } from './args.js';

const flags = args('spec:check', { root: { type: 'string' } });
run('spec:check', async () => {
  const root = resolve(String(flags.root ?? '.'));
  const files = paths(root);
  const changes = diffSpecs(readJson(files.released, 'pnpm version-packages'), readJson(files.current, 'pnpm build'));
  const result = checkGate(changes, await readPending(root));
  (result.ok ? process.stdout : process.stderr).write(result.lines.join('\n') + '\n');
  return result.ok ? 0 : 1;
});
