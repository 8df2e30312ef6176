import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listOperations, loadSpec, namedExamples } from '../../src/index.js';

// The vendor's pages are the source of truth: every JSON example in them must be a named example of the spec.
// fixtures/seeds.json holds what the pages show (`pnpm seeds:check` keeps it equal to them).
const fixture = JSON.parse(readFileSync(new URL('../../fixtures/seeds.json', import.meta.url), 'utf8')) as Array<{
  file: string;
  jsonExamples: unknown[];
}>;

const spec = loadSpec();
const named: unknown[] = [];
for (const op of listOperations(spec)) {
  for (const s of ['request', ...op.statuses]) named.push(...Object.values(namedExamples(spec, op, s)));
}

const examples = fixture.flatMap((page) => page.jsonExamples);

describe('the reference pages', () => {
  it('yield their JSON examples', () => {
    // 3 pages: servers (5 responses, 3 curl bodies), DNS x2 (4 responses, 2 curl bodies, 1 error, 1 curl patch).
    expect(examples.length).toBeGreaterThanOrEqual(20);
  });

  it.each(examples.map((e) => [JSON.stringify(e).slice(0, 80), e]))('%s is a named example', (_l, example) => {
    expect(named).toContainEqual(example);
  });
});
