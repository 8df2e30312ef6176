import type { Diff } from 'api-smart-diff';
import type { Side } from './diff.js';

/** A change of the tool's, placed: which operation, which side, and the path below the operation. */
export interface Located {
  diff: Diff;
  operation: string;
  side: Side;
  rest: string[];
  /** api-smart-diff's merged document: the shape its paths walk, `$ref`s resolved. */
  merged: unknown;
  wholePath?: boolean;
}

const code = (v: unknown) => `\`${typeof v === 'string' ? v : JSON.stringify(v)}\``;
const typeText = (v: unknown) => (Array.isArray(v) ? v.join(' | ') : String(v));

function walk(root: unknown, path: readonly (string | number)[]): unknown {
  let node = root;
  for (const s of path) node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[String(s)] : undefined;
  return node;
}

/** A branch of a union in words: its `record_type` (`A record`) or its title, else its position. */
function branchLabel(node: unknown, index: string): string {
  const seen = new Set<unknown>();
  const search = (n: unknown): string | undefined => {
    if (n === null || typeof n !== 'object' || seen.has(n)) return undefined;
    seen.add(n);
    const o = n as Record<string, unknown>;
    const type = walk(o, ['properties', 'record_type', 'const']);
    if (typeof type === 'string') return `${type} record`;
    for (const v of Object.values(o)) {
      const found = search(v);
      if (found) return found;
    }
    return undefined;
  };
  const title = walk(node, ['title']);
  const type = walk(node, ['type']);
  const record = search(node);
  if (record) return `the ${record} variant`;
  if (typeof title === 'string') return `the ${title} variant`;
  return typeof type === 'string' ? code(type) : `variant ${Number(index) + 1}`;
}

/** The words for one change: a kind (stable, for tests and tools) and a sentence for API users. */
export function describeChange(l: Located): { kind: string; text: string } {
  const { diff: d, rest, operation: op } = l;
  const added = d.action === 'add';
  const say = (kind: string, text: string) => ({ kind, text: `\`${op}\`: ${text}` });
  const base = d.path.slice(0, d.path.length - rest.length);

  if (rest.length === 0) return added ? say('operation-added', 'new operation') : say('operation-removed', 'removed');

  if (rest[0] === 'responses' && rest[1] !== undefined) {
    const status = rest[1];
    const where = /^2/.test(status) ? 'the answer' : `the ${status} answer`;
    if (rest.length === 2) return added ? say('status-added', `may now answer ${status}`) : say('status-removed', `no longer answers ${status}`);
    if (rest[2] === 'headers' && rest[3] !== undefined && rest.length === 4) {
      return added ? say('header-added', `${where} has a new header ${code(rest[3])}`) : say('header-removed', `${where} no longer has the header ${code(rest[3])}`);
    }
    if (rest[2] === 'content' && rest[4] === 'schema') return schemaChange(l, rest.slice(5), base.length + 5, where, 'response');
    if (rest[2] === 'content' && rest.length === 4) return say(added ? 'media-type-added' : 'media-type-removed', `${where} ${added ? 'may now come as' : 'no longer comes as'} ${code(rest[3])}`);
  }
  if (rest[0] === 'requestBody') {
    if (rest.length === 1) return say(added ? 'request-body-added' : 'request-body-removed', added ? 'now takes a request body' : 'no longer takes a request body');
    if (rest[1] === 'required') return say('request-body-required', d.after === true ? 'the request body is now required' : 'the request body is now optional');
    if (rest[1] === 'content' && rest[3] === 'schema') return schemaChange(l, rest.slice(4), base.length + 4, 'the request body', 'request');
    if (rest[1] === 'content' && rest.length === 3) return say(added ? 'media-type-added' : 'media-type-removed', `the request body ${added ? 'may now be' : 'can no longer be'} ${code(rest[2])}`);
  }
  if (rest[0] === 'parameters' && rest[1] !== undefined) {
    const param = (walk(l.merged, d.path.slice(0, base.length + 2)) ?? (added ? d.after : d.before)) as { name?: string; in?: string; required?: boolean } | undefined;
    const name = `the ${param?.in ?? ''} parameter ${code(param?.name ?? rest[1])}`.replace('  ', ' ');
    if (rest.length === 2) {
      const p = (added ? d.after : d.before) as { required?: boolean } | undefined;
      if (added) return say('parameter-added', `new ${p?.required ? 'required' : 'optional'} ${name.slice(4)}`);
      return say('parameter-removed', `${name} is no longer taken`);
    }
    if (rest[2] === 'required') return say(d.after === true ? 'parameter-required' : 'parameter-optional', `${name} is now ${d.after === true ? 'required' : 'optional'}`);
    if (rest[2] === 'schema') return schemaChange(l, rest.slice(3), base.length + 3, name, 'request');
  }
  return say('other', `${rest.join('.')} ${d.action === 'remove' ? 'removed' : d.action === 'add' ? 'added' : 'changed'}`);
}

/** A change inside a schema, named by the field it is on (`records[] (A record).value`). */
function schemaChange(l: Located, segs: string[], offset: number, where: string, side: 'request' | 'response') {
  const { diff: d, operation: op } = l;
  const added = d.action === 'add';
  const say = (kind: string, text: string) => ({ kind, text: `\`${op}\`: ${text}` });
  const parts: string[] = [];
  const dotted = (names: string[]) => names.join('.').replaceAll('.[]', '[]').replaceAll('.(', ' (');
  const field = () => (parts.length ? code(dotted(parts)) : where);
  const inWhere = () => (parts.length ? `in ${where}, ${field()}` : where);
  for (let i = 0; i < segs.length; i++) {
    const s = segs[i]!;
    const last = i === segs.length - 1;
    const next = segs[i + 1];
    if (s === 'properties' && next !== undefined) {
      if (i + 2 === segs.length) {
        const name = code(dotted([...parts, next]));
        if (side === 'response') return added ? say('field-added', `${where} has a new field ${name}`) : say('field-removed', `${where} no longer has the field ${name}`);
        return added ? say('field-added', `${where} takes a new field ${name}`) : say('field-removed', `${where} no longer takes the field ${name}`);
      }
      parts.push(next);
      i++;
    } else if (s === 'items') {
      if (last) return say('type-changed', `${inWhere()} changed its items`);
      parts.push('[]');
    } else if ((s === 'oneOf' || s === 'anyOf') && next !== undefined) {
      const label = branchLabel(walk(l.merged, d.path.slice(0, offset + i + 2)) ?? (added ? d.after : d.before), next);
      if (i + 2 === segs.length) {
        return say(added ? 'variant-added' : 'variant-removed', `${inWhere()} ${added ? 'may now be' : 'can no longer be'} ${label}`);
      }
      parts.push(`(${label.replace(/^the (.*) variant$/, '$1')})`);
      i++;
    } else if (s === 'allOf' && next !== undefined && i + 2 < segs.length) {
      i++;
    } else if (s === 'required') {
      const name = code(dotted([...parts, String(d.after ?? d.before)]));
      if (side === 'response') return added ? say('field-required', `${where} now always has ${name}`) : say('field-optional', `${where} may now lack ${name}`);
      return added ? say('field-required', `${name} is now required in ${where}`) : say('field-optional', `${name} is now optional in ${where}`);
    } else if (s === 'enum' || s === 'const') {
      const value = d.action === 'remove' ? d.before : d.after;
      if (d.action === 'replace' && s === 'const') return say('enum-value-changed', `${inWhere()} is now ${code(d.after)} instead of ${code(d.before)}`);
      if (Array.isArray(value)) return say('enum-changed', `${inWhere()} now takes ${value.map(code).join(', ')}`);
      const verb = side === 'response' ? (added ? 'may now be' : 'is no longer') : added ? 'now accepts' : 'no longer accepts';
      return say(added ? 'enum-value-added' : 'enum-value-removed', `${inWhere()} ${verb} ${code(value)}`);
    } else if (s === 'type') {
      return say('type-changed', `${inWhere()} is now of type ${code(typeText(d.after ?? 'any'))} (was ${code(typeText(d.before ?? 'any'))})`);
    } else if (s === 'format') {
      return say('format-changed', `${inWhere()} ${d.after === undefined ? 'no longer has a format' : `now has the format ${code(d.after)}`}${d.before === undefined ? '' : ` (was ${code(d.before)})`}`);
    } else {
      if (d.before === undefined) return say('constraint-changed', `${inWhere()} now has the ${s} ${code(d.after)}`);
      if (d.after === undefined) return say('constraint-changed', `${inWhere()} no longer has the ${s} ${code(d.before)}`);
      return say('constraint-changed', `${inWhere()}: ${s} is now ${code(d.after)} (was ${code(d.before)})`);
    }
  }
  return say('schema-changed', `${where} changed (${field()})`);
}
