import type { ErrorObject } from 'ajv';

/** One way the running API differs from the spec. */
export interface Drift {
  operationId: string;
  /** What was sent: `GET /api/v1/servers/12345/`. */
  request: string;
  /** JSON Pointer into the answer's body (`/results/0/status`), or `` for the answer as a whole. */
  pointer: string;
  /** What the spec says there. */
  expected: string;
  /** What came back. */
  actual: string;
}

const show = (v: unknown) => {
  const text = v === undefined ? 'absent' : JSON.stringify(v);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
};

const at = (body: unknown, pointer: string) =>
  pointer
    .split('/')
    .slice(1)
    .reduce<unknown>((n, k) => (n !== null && typeof n === 'object' ? (n as Record<string, unknown>)[k.replaceAll('~1', '/').replaceAll('~0', '~')] : undefined), body);

/**
 * Ajv's errors for a union list every branch's complaints; a reader wants the branch the answer meant. For each
 * `oneOf` that failed, only the errors of its closest branch (the one with the fewest) are kept.
 */
export function closestBranchErrors(errors: ErrorObject[]): ErrorObject[] {
  let kept = errors;
  for (const union of errors.filter((e) => e.keyword === 'oneOf')) {
    const prefix = `${union.schemaPath}/`;
    const byBranch = new Map<string, ErrorObject[]>();
    for (const e of kept) {
      if (!e.schemaPath.startsWith(prefix)) continue;
      const branch = e.schemaPath.slice(prefix.length).split('/')[0]!;
      byBranch.set(branch, [...(byBranch.get(branch) ?? []), e]);
    }
    if (byBranch.size === 0) continue;
    // The closest branch: one whose discriminating `const` holds, then the fewest complaints.
    const score = (es: ErrorObject[]) => (es.some((e) => e.keyword === 'const') ? 1000 : 0) + es.length;
    const best = [...byBranch.values()].sort((a, b) => score(a) - score(b))[0]!;
    kept = kept.filter((e) => e !== union && (!e.schemaPath.startsWith(prefix) || best.includes(e)));
  }
  return kept;
}

/** A field the spec does not list. */
export function unknownField(body: unknown, pointer: string, base: Pick<Drift, 'operationId' | 'request'>): Drift {
  return { ...base, pointer, expected: 'no such field', actual: show(at(body, pointer)) };
}

/** An Ajv error in the drift table's words: where, what the spec says, what came back. */
export function toDrift(e: ErrorObject, body: unknown, base: Pick<Drift, 'operationId' | 'request'>): Drift {
  const p = e.params as Record<string, unknown>;
  if (e.keyword === 'additionalProperties') return unknownField(body, `${e.instancePath}/${String(p.additionalProperty).replaceAll('~', '~0').replaceAll('/', '~1')}`, base);
  if (e.keyword === 'required') {
    return { ...base, pointer: `${e.instancePath}/${String(p.missingProperty)}`, expected: 'a required field', actual: 'absent' };
  }
  const actual = show(at(body, e.instancePath));
  if (e.keyword === 'type') return { ...base, pointer: e.instancePath, expected: `type ${String(p.type)}`, actual };
  if (e.keyword === 'enum') return { ...base, pointer: e.instancePath, expected: `one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`, actual };
  if (e.keyword === 'const') return { ...base, pointer: e.instancePath, expected: JSON.stringify(p.allowedValue), actual };
  if (e.keyword === 'format') return { ...base, pointer: e.instancePath, expected: `format ${String(p.format)}`, actual };
  return { ...base, pointer: e.instancePath, expected: `${e.keyword}: ${e.message ?? ''}`.trim(), actual };
}
