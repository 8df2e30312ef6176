import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import readChangesets from '@changesets/read';
import type { PendingChangeset } from './gate.js';

/** A file the gate needs, missing or not JSON: names the file and what makes it. */
export class ContractFileError extends Error {
  constructor(
    readonly file: string,
    problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = 'ContractFileError';
  }
}

export function readJson(file: string, madeBy: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new ContractFileError(file, `missing (${madeBy} writes it)`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ContractFileError(file, `not JSON (${(error as Error).message})`);
  }
}

/** Where a checkout keeps what the gate compares. */
export const paths = (root: string) => ({
  released: join(root, 'spec/released/openapi.json'),
  current: join(root, 'spec/dist/openapi.json'),
  changelog: join(root, 'spec/CHANGELOG.md'),
  specPackage: join(root, 'spec/package.json'),
});

export async function readPending(root: string): Promise<PendingChangeset[]> {
  try {
    return await readChangesets(root);
  } catch (error) {
    throw new ContractFileError(join(root, '.changeset'), (error as Error).message.split('\n')[0] ?? 'unreadable');
  }
}
