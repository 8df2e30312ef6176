// The top-level fields of a JSON request body, as flags and options take them: `plan_id` -> `--plan-id`.
// A `oneOf` body (a record input per `record_type`) gives the union of its branches' fields; a field is required
// only when every branch requires it, and a `const` per branch becomes the field's enum.
import { resolve, type JsonObject } from '../spec.js';
import { camelCase, kebabCase, words } from './naming.js';

export interface BodyFieldModel {
  /** The property on the wire: `plan_id`. */
  name: string;
  /** As a JavaScript property: `planId`. */
  argName: string;
  /** As a CLI flag, without dashes: `plan-id`. */
  flagName: string;
  /** The JSON types the field takes, `null` included when it is nullable: `['integer', 'null']`. */
  types: string[];
  /** The values it takes, when the schema lists them (`enum`, or one `const` per `oneOf` branch). */
  enum: unknown[] | undefined;
  required: boolean;
  description: string | undefined;
}

/** The branches of a body schema: its `oneOf`/`anyOf` alternatives, each with `allOf` parts merged. */
function branches(spec: JsonObject, schema: unknown): JsonObject[] {
  const node = (resolve(spec, schema) ?? {}) as JsonObject;
  const alternatives = (node.oneOf ?? node.anyOf) as unknown[] | undefined;
  if (alternatives) return alternatives.flatMap((s) => branches(spec, s));
  const parts = [node, ...((node.allOf ?? []) as unknown[]).flatMap((s) => branches(spec, s))];
  return [
    {
      properties: Object.assign({}, ...parts.map((p) => p.properties ?? {})),
      required: parts.flatMap((p) => (p.required ?? []) as string[]),
    },
  ];
}

/** The JSON types and the listed values a property schema allows, `oneOf` alternatives included. */
function valueSpace(spec: JsonObject, schema: unknown): { types: string[]; values: unknown[] | undefined } {
  const node = (resolve(spec, schema) ?? {}) as JsonObject;
  const alternatives = (node.oneOf ?? node.anyOf) as unknown[] | undefined;
  if (alternatives) {
    const spaces = alternatives.map((s) => valueSpace(spec, s));
    const values = spaces.every((s) => s.values) ? spaces.flatMap((s) => s.values ?? []) : undefined;
    return { types: [...new Set(spaces.flatMap((s) => s.types))], values };
  }
  const types = Array.isArray(node.type) ? (node.type as string[]) : node.type ? [node.type as string] : [];
  if (node.const !== undefined) return { types: types.length ? types : [typeof node.const], values: [node.const] };
  return { types, values: node.enum as unknown[] | undefined };
}

export function bodyFields(spec: JsonObject, schema: unknown): BodyFieldModel[] {
  const all = branches(spec, schema);
  const names = [...new Set(all.flatMap((b) => Object.keys(b.properties as JsonObject)))];
  return names.map((name) => {
    const present = all.filter((b) => (b.properties as JsonObject)[name] !== undefined);
    const spaces = present.map((b) => valueSpace(spec, (b.properties as JsonObject)[name]));
    const listed = spaces.every((s) => s.values) ? [...new Set(spaces.flatMap((s) => s.values ?? []))] : undefined;
    const first = resolve(spec, (present[0]?.properties as JsonObject)[name]) as JsonObject | undefined;
    const nameWords = words(name);
    return {
      name,
      argName: camelCase(nameWords),
      flagName: kebabCase(nameWords),
      types: [...new Set(spaces.flatMap((s) => s.types))],
      enum: listed,
      required: all.every((b) => (b.required as string[]).includes(name)),
      description: first?.description as string | undefined,
    };
  });
}
