type Json = unknown;

/**
 * The document with every local `$ref` replaced by a copy of what it points to (a `$ref` inside its own target is
 * left as it is). api-smart-diff compares a `$ref` it has met once by reference only, so a change inside a schema
 * that several branches of a union share is otherwise reported on one branch and missed on the others.
 */
export function dereference<T>(doc: T): T {
  const target = (ref: string): Json =>
    ref
      .slice(2)
      .split('/')
      .reduce<Json>((node, key) => (node as Record<string, Json> | undefined)?.[key.replaceAll('~1', '/').replaceAll('~0', '~')], doc);
  const copy = (node: Json, trail: readonly string[]): Json => {
    if (Array.isArray(node)) return node.map((n) => copy(n, trail));
    if (node === null || typeof node !== 'object') return node;
    const { $ref, ...rest } = node as Record<string, Json>;
    if (typeof $ref === 'string' && $ref.startsWith('#/') && !trail.includes($ref)) {
      const resolved = copy(target($ref), [...trail, $ref]);
      // OAS 3.1 allows siblings beside a `$ref` (a description, say); they win over the target's own.
      return Object.keys(rest).length ? { ...(resolved as object), ...(copy(rest, trail) as object) } : resolved;
    }
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, copy(v, trail)]));
  };
  return copy(doc, []) as T;
}
