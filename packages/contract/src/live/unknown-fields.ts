type Schema = Record<string, unknown>;
const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * The fields of an answer that its (dereferenced) schema does not list, as JSON Pointers. Answers are open in the
 * spec, so that clients live with a new field; the drift check reports one, so that the spec learns of it.
 * A field counts as listed when any schema that applies to its object lists it: every `allOf` member, and the
 * `oneOf`/`anyOf` branches the value matches (`matches` decides, with the spec's validator). An object whose schema
 * allows extra fields (`additionalProperties`, `patternProperties`) is not searched for them.
 */
export function unknownFields(schema: unknown, value: unknown, matches: (schema: object, value: unknown) => boolean, pointer = ''): string[] {
  const applied = applying(schema, value, matches);
  const found: string[] = [];
  if (Array.isArray(value)) {
    const items = applied.map((s) => s.items).filter(isObject);
    value.forEach((v, i) => found.push(...items.flatMap((s) => unknownFields(s, v, matches, `${pointer}/${i}`))));
    return [...new Set(found)];
  }
  if (!isObject(value)) return found;
  const open = applied.some((s) => ('additionalProperties' in s && s.additionalProperties !== false) || 'patternProperties' in s);
  for (const [key, v] of Object.entries(value)) {
    const child = `${pointer}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`;
    const defs = applied.map((s) => (s.properties as Record<string, unknown> | undefined)?.[key]).filter((d) => d !== undefined);
    if (!defs.length) {
      if (!open) found.push(child);
      continue;
    }
    // The field is listed; its own fields are checked against each schema that lists it, and known if any lists them.
    const perDef = defs.map((d) => new Set(unknownFields(d, v, matches, child)));
    found.push(...[...perDef[0]!].filter((p) => perDef.every((s) => s.has(p))));
  }
  return found;
}

/** The schema and every subschema that applies to the value alongside it: `allOf` members, matching branches. */
function applying(schema: unknown, value: unknown, matches: (schema: object, value: unknown) => boolean): Schema[] {
  if (!isObject(schema)) return [];
  const out: Schema[] = [schema];
  for (const m of Array.isArray(schema.allOf) ? schema.allOf : []) out.push(...applying(m, value, matches));
  for (const key of ['oneOf', 'anyOf'] as const) {
    const branches = Array.isArray(schema[key]) ? (schema[key] as unknown[]).filter(isObject) : [];
    const fitting = branches.filter((b) => matches(b, value));
    // No branch fits: the schema errors say so; the fields are then judged against every branch.
    for (const b of fitting.length ? fitting : branches) out.push(...applying(b, value, matches));
  }
  return out;
}
