// Every TypeScript sample the built page ships compiles against the real, built @vps-org/client; a wrong method,
// argument or body does not (so a sample that drifts from the client fails here, not in a user's editor).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { shippedSamples } from '../build/shipped.js';
import { typecheckSamples } from './typecheck.js';

const samples = shippedSamples().map((op) => ({ name: op.operationId, source: op.samples.TypeScript! }));
const sourceOf = (id: string) => samples.find((s) => s.name === id)!.source;

// [name, the sample it starts from, the mutation]; each must change the sample, and break it.
const mutations: Array<[string, string, (source: string) => string]> = [
  ['wrong-method', 'createDnsZoneRecord', (s) => s.replace('.createRecord(', '.addRecord(')],
  ['wrong-resource', 'getServer', (s) => s.replace('vps.servers.', 'vps.server.')],
  ['string-server-id', 'getServer', (s) => s.replace('(12345)', "('12345')")],
  ['missing-body', 'createServer', (s) => s.replace(/vps\.servers\.create\([\s\S]*?\}\)/, 'vps.servers.create()')],
  ['mx-without-priority', 'createDnsZoneRecord', (s) => s.replace("record_type: 'A'", "record_type: 'MX'")],
  ['unknown-query-key', 'listServers', (s) => s.replace('status:', 'state:')],
];
const broken = mutations.map(([name, from, mutate]) => ({ name, original: sourceOf(from), source: mutate(sourceOf(from)) }));

let results: Map<string, string[]>;

beforeAll(() => {
  // A missing client build is a failure, never a skip: turbo builds dependencies before the tests.
  const types = createRequire(import.meta.url).resolve('@vps-org/client/package.json').replace(/package\.json$/, 'dist/index.d.ts');
  if (!existsSync(types)) throw new Error(`${types} is missing: run \`pnpm --filter @vps-org/client build\``);
  results = typecheckSamples([...samples, ...broken.map(({ name, source }) => ({ name, source }))]);
});

describe('the TypeScript samples compile against @vps-org/client', () => {
  it('has one sample per operation', () => {
    expect(samples).toHaveLength(20);
    for (const s of samples) expect(s.source, s.name).toContain("from '@vps-org/client'");
  });

  it.each(samples.map((s) => [s.name]))('%s', (name) => {
    expect(results.get(name)).toEqual([]);
  });
});

describe('a sample that does not match the client fails to compile', () => {
  it.each(broken.map((b) => [b.name, b]))('%s', (name, { original, source }) => {
    expect(source).not.toBe(original);
    expect(results.get(name)!.length, `${name} compiled:\n${source}`).toBeGreaterThan(0);
  });
});
