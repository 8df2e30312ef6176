// Locations inside a document, three ways: path segments, JSON Pointers (RFC 6901, what the completeness check
// names) and singular JSONPath queries (RFC 9535, what an Overlay action targets).

/** Segments from the document root: object keys as strings, array indexes as numbers. */
export type Segments = Array<string | number>;

/** A JSONPath this module cannot read, with the reason. */
export class JsonPathError extends Error {
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(`Unsupported JSONPath ${JSON.stringify(path)}: ${reason}`);
    this.name = 'JsonPathError';
  }
}

/** `['paths', '/api/v1/servers/', 'get']` -> `/paths/~1api~1v1~1servers~1/get`. */
export function toPointer(segments: Segments): string {
  return segments.map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** `/paths/~1api~1v1~1servers~1/get` -> `['paths', '/api/v1/servers/', 'get']` (every segment a string). */
export function fromPointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new Error(`Not a JSON Pointer: ${JSON.stringify(pointer)}`);
  return pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `['paths', '/api/v1/servers/', 'get']` -> `$.paths['/api/v1/servers/'].get` (dot where the key allows it). */
export function toJsonPath(segments: Segments): string {
  return `$${segments
    .map((s) => {
      if (typeof s === 'number') return `[${s}]`;
      if (IDENTIFIER.test(s)) return `.${s}`;
      return `['${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}']`;
    })
    .join('')}`;
}

/**
 * Reads a singular JSONPath query: `$`, then `.name`, `['name']`, `["name"]` or `[index]` segments. Wildcards,
 * slices, filters and descendants are refused: every translation targets exactly one node, and a query that could
 * match several would hide a missing or duplicated translation.
 */
export function parseJsonPath(path: string): Segments {
  if (!path.startsWith('$')) throw new JsonPathError(path, 'it must start with $');
  const segments: Segments = [];
  let i = 1;
  while (i < path.length) {
    const rest = path.slice(i);
    const dot = /^\.([A-Za-z_][A-Za-z0-9_]*)/.exec(rest);
    if (dot) {
      segments.push(dot[1]!);
      i += dot[0].length;
      continue;
    }
    const index = /^\[(0|[1-9][0-9]*)\]/.exec(rest);
    if (index) {
      segments.push(Number(index[1]));
      i += index[0].length;
      continue;
    }
    const quoted = /^\[(['"])((?:\\.|(?!\1)[^\\])*)\1\]/.exec(rest);
    if (quoted) {
      segments.push(quoted[2]!.replace(/\\(.)/g, '$1'));
      i += quoted[0].length;
      continue;
    }
    throw new JsonPathError(path, `cannot read ${JSON.stringify(rest)} (only singular paths such as $.paths['/a/'].get or $.tags[0])`);
  }
  return segments;
}

/** The node at `segments`, or undefined when any step is missing. */
export function nodeAt(doc: unknown, segments: Segments): unknown {
  let cur: unknown = doc;
  for (const s of segments) {
    if (cur === null || typeof cur !== 'object') return undefined;
    if (Array.isArray(cur) ? typeof s !== 'number' : !Object.hasOwn(cur, s)) return undefined;
    cur = (cur as Record<string | number, unknown>)[s];
  }
  return cur;
}
