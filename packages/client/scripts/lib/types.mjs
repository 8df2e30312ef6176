// TypeScript type expressions for the schemas an operation takes and returns, as names of generated/models.ts
// when the spec names the schema, else as indexed access into openapi-typescript's `operations`.

/** @import { JsonObject } from '@vps-org/openapi' */

const SCHEMA_REF = '#/components/schemas/';

/**
 * The model alias of a `$ref`, or undefined for an inline schema.
 * @param {JsonObject | undefined} schema
 * @returns {string | undefined}
 */
export function refName(schema) {
  return typeof schema?.$ref === 'string' && schema.$ref.startsWith(SCHEMA_REF) ? schema.$ref.slice(SCHEMA_REF.length) : undefined;
}

/**
 * `Server`, `DnsZoneSummary[]`, or `fallback` when the schema is inline.
 * @param {JsonObject | undefined} schema
 * @param {string} fallback
 */
export function schemaType(schema, fallback) {
  const name = refName(schema);
  if (name) return name;
  const itemName = schema?.type === 'array' ? refName(schema.items) : undefined;
  return itemName ? `${itemName}[]` : fallback;
}

/**
 * Follows `$ref`s to component schemas (the bundle keeps them as refs).
 * @param {JsonObject} spec
 * @param {JsonObject | undefined} schema
 * @returns {JsonObject | undefined}
 */
export function resolveSchema(spec, schema) {
  let current = schema;
  for (let name = refName(current); name; name = refName(current)) current = spec.components.schemas[name];
  return current;
}

/** @param {string} text */
export const quote = (text) => `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;

/**
 * A JSDoc block. A star-slash in the spec's prose is escaped, so that it cannot end the block early.
 * @param {string[]} lines
 * @param {string} indent
 */
export function docComment(lines, indent) {
  const body = lines.flatMap((line) => line.split('\n')).map((line) => `${indent} *${line ? ` ${line.replaceAll('*/', '*\\/')}` : ''}`);
  return [`${indent}/**`, ...body, `${indent} */`].join('\n');
}
