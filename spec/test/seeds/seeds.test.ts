import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listOperations, loadSpec, namedExamples } from '../../src/index.js';

// The vendor's pages are the source of truth: every JSON example in them must be a named example of the spec.
const seedsDir = new URL('../../../../shared/seeds/', import.meta.url);
const seeds = readdirSync(seedsDir).map((f) => readFileSync(new URL(f, seedsDir), 'utf8'));

/** Top-level JSON blocks (a line that is exactly "{" or "[" up to its closing line) and curl -d bodies. */
function jsonExamples(text: string): unknown[] {
  const found: unknown[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = lines[i];
    if (open !== '{' && open !== '[') continue;
    const close = open === '{' ? '}' : ']';
    const end = lines.indexOf(close, i);
    found.push(JSON.parse(lines.slice(i, end + 1).join('\n')));
    i = end;
  }
  for (const m of text.matchAll(/-d '([^']+)'/g)) found.push(JSON.parse(m[1]!));
  return found;
}

const spec = loadSpec();
const named: unknown[] = [];
for (const op of listOperations(spec)) {
  for (const s of ['request', ...op.statuses]) named.push(...Object.values(namedExamples(spec, op, s)));
}

const examples = seeds.flatMap(jsonExamples);

describe('the reference pages', () => {
  it('yield their JSON examples', () => {
    // 3 pages: servers (5 responses, 3 curl bodies), DNS x2 (4 responses, 2 curl bodies, 1 error, 1 curl patch).
    expect(examples.length).toBeGreaterThanOrEqual(20);
  });

  it.each(examples.map((e) => [JSON.stringify(e).slice(0, 80), e]))('%s is a named example', (_l, example) => {
    expect(named).toContainEqual(example);
  });
});
