import { apiCompare, type Diff } from 'api-smart-diff';
import { dereference } from './deref.js';
import { describeChange, type Located } from './words.js';

/** Which side of the conversation a change is on: what a client sends, what it gets back, or the operation itself. */
export type Side = 'request' | 'response' | 'operation';

/** One change between two bundles of the spec, classified and put in words for API users. */
export interface SpecChange {
  /** `GET /api/v1/servers/{server_id}/`, or `every operation` for a change to the document's servers or security. */
  operation: string;
  side: Side;
  breaking: boolean;
  kind: string;
  /** Where the change is, as a JSON Pointer into the bundle (the old one for a removal, the new one otherwise). */
  pointer: string;
  text: string;
}

const METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace']);

const pointerOf = (path: readonly (string | number)[]) =>
  '/' + path.map((s) => String(s).replaceAll('~', '~0').replaceAll('/', '~1')).join('/');

/**
 * Compares two bundled OpenAPI documents with api-smart-diff and keeps what an API user sees: changes under
 * `paths` (the operations, with every `$ref` resolved into them) and to the document's servers and security.
 * The tool's own `components` entries are left out (they repeat the operations' changes without knowing which side
 * they are on), and so are annotations (descriptions, examples, titles): they change the docs, not the contract.
 */
export function diffSpecs(before: unknown, after: unknown): SpecChange[] {
  const changes: SpecChange[] = [];
  for (const [b, a] of comparablePairs(dereference(before as Doc), dereference(after as Doc))) {
    const { diffs, merged } = apiCompare(b, a);
    for (const d of diffs) {
      if (d.type === 'annotation') continue;
      for (const located of locate(d, merged)) {
        const { kind, text } = describeChange(located);
        changes.push({
          operation: located.operation,
          side: located.side,
          // A change the tool cannot classify is counted as breaking: the gate asks a person to say otherwise.
          breaking: d.type === 'breaking' || d.type === 'unclassified',
          kind,
          pointer: pointerOf(located.wholePath ? [...d.path, located.operation.split(' ')[0]!.toLowerCase()] : d.path),
          text,
        });
      }
    }
  }
  return unique(foldRenames(changes, before, after));
}

interface Doc {
  openapi?: string;
  info?: unknown;
  servers?: unknown;
  security?: unknown;
  paths?: Record<string, Record<string, unknown>>;
}

/**
 * The documents cut into one pair per operation (with its path's own parameters), plus one for the document's
 * servers and security; a pair whose two sides are equal is not compared. The tool takes seconds on an operation
 * that holds the record union, so comparing only what changed keeps the gate quick on an ordinary edit.
 */
function comparablePairs(before: Doc, after: Doc): [Doc, Doc][] {
  const head = (d: Doc): Doc => ({ openapi: d.openapi, info: d.info, servers: d.servers, security: d.security, paths: {} });
  const pairs: [Doc, Doc][] = [[head(before), head(after)]];
  const one = (d: Doc, path: string, method: string): Doc => {
    const item = d.paths?.[path];
    if (!item?.[method]) return head(d);
    const shared = Object.fromEntries(Object.entries(item).filter(([k]) => !METHODS.has(k)));
    return { ...head(d), paths: { [path]: { ...shared, [method]: item[method] } } };
  };
  const keys = new Set<string>();
  for (const d of [before, after]) {
    for (const [path, item] of Object.entries(d.paths ?? {})) for (const m of Object.keys(item)) if (METHODS.has(m)) keys.add(`${m} ${path}`);
  }
  for (const key of keys) {
    const [method = '', path = ''] = key.split(' ');
    const pair: [Doc, Doc] = [one(before, path, method), one(after, path, method)];
    if (JSON.stringify(pair[0]) !== JSON.stringify(pair[1])) pairs.push(pair);
  }
  return pairs;
}

function locate(d: Diff, merged: unknown): Located[] {
  const [root, path, method, ...rest] = d.path.map(String);
  if (root === 'servers' || root === 'security') {
    return [{ diff: d, operation: 'every operation', side: 'request', rest: d.path.slice(1).map(String), merged }];
  }
  if (root !== 'paths' || path === undefined) return [];
  if (method === undefined) {
    // A whole path added or removed: one change per operation it holds.
    const item = (d.action === 'remove' ? d.before : d.after) as Record<string, unknown> | undefined;
    return Object.keys(item ?? {})
      .filter((m) => METHODS.has(m))
      .map((m) => ({ diff: d, operation: `${m.toUpperCase()} ${path}`, side: 'operation' as const, rest: [], merged, wholePath: true }));
  }
  if (!METHODS.has(method)) {
    // Path-level parameters apply to every operation of the path.
    return [{ diff: d, operation: `every operation of ${path}`, side: 'request', rest: [method, ...rest], merged }];
  }
  const first = rest[0];
  const side: Side =
    first === undefined ? 'operation' : first === 'responses' ? 'response' : first === 'requestBody' || first === 'parameters' || first === 'security' ? 'request' : 'operation';
  return [{ diff: d, operation: `${method.toUpperCase()} ${path}`, side, rest, merged }];
}

/** An operation removed from one path and added at another with the same operationId is a renamed path. */
function foldRenames(changes: SpecChange[], before: unknown, after: unknown): SpecChange[] {
  const idOf = (doc: unknown, op: string) => {
    const [method = '', path = ''] = op.split(' ');
    const node = (doc as { paths?: Record<string, Record<string, { operationId?: string }>> }).paths?.[path]?.[method.toLowerCase()];
    return node?.operationId;
  };
  const added = changes.filter((c) => c.kind === 'operation-added');
  const out: SpecChange[] = [];
  const folded = new Set<SpecChange>();
  for (const c of changes) {
    if (c.kind !== 'operation-removed') continue;
    const id = idOf(before, c.operation);
    const twin = id === undefined ? undefined : added.find((a) => idOf(after, a.operation) === id);
    if (!twin) continue;
    folded.add(c).add(twin);
    out.push({ ...c, kind: 'path-renamed', text: `\`${c.operation}\` (${id}) moved to \`${twin.operation}\`` });
  }
  return [...changes.filter((c) => !folded.has(c)), ...out];
}

function unique(changes: SpecChange[]): SpecChange[] {
  const seen = new Set<string>();
  return changes.filter((c) => {
    const key = `${c.operation}\n${c.breaking}\n${c.text}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
