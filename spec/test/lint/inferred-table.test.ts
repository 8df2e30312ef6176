import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listOperations, loadSpec, type JsonObject } from '../../src/index.js';

// Whatever the spec marks "inferred" is listed in README.md's table of inferred facts: every operation and every
// component whose own text says so is named in the table's "Where" column (`*` names a family: `Error*`).
const spec = loadSpec();
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const table = readme.slice(readme.indexOf('## Inferred facts'), readme.indexOf('## OWASP findings'));
const named = [...table.matchAll(/^\| [^|]+ \| ([^|]+) \|/gm)].flatMap((m) => [...m[1]!.matchAll(/`([^`]+)`/g)].map((n) => n[1]!));
const glob = (pattern: string) => new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*')}$`);
const listed = (name: string) => named.some((n) => glob(n).test(name));

/** Whether a node's own text (descriptions and summaries, not those of what it refers to) says "inferred". */
const saysInferred = (node: unknown): boolean => /inferred/i.test(JSON.stringify(node ?? {}).replace(/"\$ref":"[^"]*"/g, ''));

const places: string[] = [];
for (const op of listOperations(spec)) if (saysInferred(op.raw)) places.push(op.operationId);
for (const group of ['schemas', 'responses', 'parameters', 'examples', 'headers'] as const) {
  for (const [name, node] of Object.entries((spec.components?.[group] ?? {}) as JsonObject)) if (saysInferred(node)) places.push(name);
}

describe('the table of inferred facts', () => {
  it('has rows', () => {
    expect(named.length).toBeGreaterThan(20);
  });

  it.each(places)('names %s, which says "inferred"', (name) => {
    expect(listed(name), `${name} is not in the Where column of README.md's inferred facts`).toBe(true);
  });
});
