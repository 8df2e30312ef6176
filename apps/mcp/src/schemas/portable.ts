// The spec's schemas as self-contained JSON Schema 2020-12 documents, the dialect MCP tools declare: component
// references point into the document's own `$defs`, and OpenAPI-only keywords are dropped.
import type { JsonObject } from '@vps-org/openapi';

const COMPONENT = '#/components/schemas/';
/** Keywords OpenAPI adds to JSON Schema; `discriminator` only names what each `oneOf` branch's `const` decides. */
const OAS_ONLY = new Set(['discriminator', 'xml', 'externalDocs', 'example']);
/** Keywords whose value maps names (of properties, of definitions) to schemas, rather than keywords to values. */
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', '$defs', 'dependentSchemas']);

/** A copy of `node` with refs into `#/$defs/` and OpenAPI keywords dropped; `refs` collects the components it names. */
function rewrite(node: unknown, refs: Set<string>): unknown {
  if (Array.isArray(node)) return node.map((n) => rewrite(n, refs));
  if (!node || typeof node !== 'object') return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node as JsonObject)) {
    if (OAS_ONLY.has(key)) continue;
    if (key === '$ref' && typeof value === 'string' && value.startsWith(COMPONENT)) {
      const name = value.slice(COMPONENT.length);
      refs.add(name);
      out.$ref = `#/$defs/${name}`;
    } else if (SCHEMA_MAPS.has(key) && value && typeof value === 'object') {
      out[key] = Object.fromEntries(Object.entries(value as JsonObject).map(([k, v]) => [k, rewrite(v, refs)]));
    } else {
      out[key] = rewrite(value, refs);
    }
  }
  return out;
}

/** Builds one tool schema: the parts written with `convert`, then every component they name in `$defs`. */
export class PortableSchema {
  private readonly refs = new Set<string>();

  constructor(private readonly spec: JsonObject) {}

  /** A schema of the spec (a parameter's, a body's, an answer's), as the document will hold it. */
  convert(schema: unknown): JsonObject {
    return rewrite(schema, this.refs) as JsonObject;
  }

  /** A component schema by name, inline (`ServerDetail`), as the document will hold it. */
  component(name: string): JsonObject {
    return this.convert(this.spec.components?.schemas?.[name]);
  }

  /** `root` with the `$defs` it needs, every component reached through another included. */
  document(root: JsonObject): JsonObject {
    const defs: JsonObject = {};
    for (let added = true; added; ) {
      added = false;
      for (const name of [...this.refs]) {
        if (defs[name] !== undefined) continue;
        defs[name] = this.component(name);
        added = true;
      }
    }
    const names = Object.keys(defs).sort();
    return names.length ? { ...root, $defs: Object.fromEntries(names.map((n) => [n, defs[n]])) } : root;
  }
}
