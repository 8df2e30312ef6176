// Malformed values for every parameter of an operation, read from the operation model: path and query parameters
// by their schema, body fields by the type of the example's value, and bodies that are not JSON or not sane.
import { expandPath, type ParameterModel } from '@vps-org/openapi';
import type { SpecOperation } from '../support/spec.js';

export interface MalformedCase {
  /** What is wrong, for the test's name. */
  what: string;
  pathValues: Record<string, string>;
  query: Record<string, string>;
  /** The raw body text, or undefined for none. */
  body: string | undefined;
}

/** Values a parameter's schema refuses (or, for a free-form string, odd values it must still survive). */
export function malformedValues(param: ParameterModel): string[] {
  const values: string[] = [];
  if (param.type === 'integer') values.push('abc', '1.5', '-1', '0', '99999999999999999999999');
  if (param.pattern !== undefined || param.format === 'uuid') values.push('not a valid id!', '../..');
  if (param.enum !== undefined) values.push('NOT-A-CHOICE', '');
  if (param.type === 'string' && !param.pattern && !param.enum) values.push('x'.repeat(2_000), '\u0000%', '');
  return values;
}

/** A JSON value of another type than `value`'s. */
function wrongType(value: unknown): unknown {
  if (typeof value === 'string') return 12345;
  if (typeof value === 'number') return 'not-a-number';
  if (typeof value === 'boolean') return 'yes';
  return 'not-an-object';
}

/** Bodies that are not what any operation takes. */
const BAD_BODIES: Array<[string, string]> = [
  ['malformed JSON', '{"name":'],
  ['JSON nested 100,000 deep', `${'['.repeat(100_000)}${']'.repeat(100_000)}`],
  ['a JSON array', '[]'],
  ['a JSON string', '"text"'],
  ['a body over 1 MB', JSON.stringify({ padding: 'x'.repeat(1024 * 1024) })],
];

/**
 * Every malformed case of `op`: one per bad value of each path and query parameter and per bad body or body field,
 * everything else taken from a valid call (`valid.pathValues` and the model's example query and body).
 */
export function malformedCases(op: SpecOperation, valid: { pathValues: Record<string, string> }): MalformedCase[] {
  const query = Object.fromEntries(Object.entries(op.example.query).map(([k, v]) => [k, String(v)]));
  const body = op.requestBody ? JSON.stringify(op.example.body) : undefined;
  const base = { pathValues: valid.pathValues, query, body };
  const cases: MalformedCase[] = [];
  for (const param of op.pathParams) {
    for (const bad of malformedValues(param)) {
      cases.push({ ...base, what: `path ${param.name}=${JSON.stringify(bad.slice(0, 20))}`, pathValues: { ...valid.pathValues, [param.name]: bad } });
    }
  }
  for (const param of op.queryParams) {
    for (const bad of malformedValues(param)) {
      cases.push({ ...base, what: `query ${param.name}=${JSON.stringify(bad.slice(0, 20))}`, query: { ...query, [param.name]: bad } });
    }
  }
  if (op.requestBody) {
    for (const [what, text] of BAD_BODIES) cases.push({ ...base, what: `body: ${what}`, body: text });
    const example = op.example.body as Record<string, unknown>;
    for (const [field, value] of Object.entries(example)) {
      cases.push({ ...base, what: `body ${field} of the wrong type`, body: JSON.stringify({ ...example, [field]: wrongType(value) }) });
      const { [field]: _dropped, ...without } = example;
      cases.push({ ...base, what: `body without ${field}`, body: JSON.stringify(without) });
    }
  }
  return cases;
}

/** The URL path and query of a case. */
export function caseUrl(op: SpecOperation, c: MalformedCase): string {
  const path = expandPath(op.path, c.pathValues);
  const search = new URLSearchParams(c.query).toString();
  return `${path}${search ? `?${search}` : ''}`;
}
