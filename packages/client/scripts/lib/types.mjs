// TypeScript type expressions for the schemas an operation takes and returns, as names of generated/models.ts
// when the spec names the schema, else as indexed access into openapi-typescript's `operations`.

import { refName } from '@vps-org/openapi';

/** @import { JsonObject } from '@vps-org/openapi' */

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
