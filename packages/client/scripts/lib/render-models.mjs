// generated/models.ts: a named type for every component schema, and for the query of every operation that has one.
import { docComment } from './types.mjs';
/** @import { JsonObject, OperationModel } from '@vps-org/openapi' */

/**
 * @param {JsonObject} spec
 * @param {OperationModel[]} operations
 */
export function renderModels(spec, operations) {
  /** @type {Array<[string, JsonObject]>} */
  const schemas = Object.entries(spec.components?.schemas ?? {});
  const names = new Set(schemas.map(([name]) => name));
  const blocks = schemas.map(([name, schema]) => {
    const doc = schema.description ?? schema.title;
    return `${doc ? `${docComment([doc], '')}\n` : ''}export type ${name} = components['schemas']['${name}'];`;
  });
  for (const op of operations) {
    const name = op.queryType;
    if (!name) continue;
    if (names.has(name)) throw new Error(`The query type ${name} of ${op.operationId} collides with a schema of that name`);
    names.add(name);
    blocks.push(
      `${docComment([`The query parameters of \`${op.method} ${op.path}\` (${op.operationId}).`], '')}\n` +
        `export type ${name} = AcceptUndefined<NonNullable<operations['${op.operationId}']['parameters']['query']>>;`,
    );
  }
  return [
    "import type { components, operations } from './openapi.js';",
    '',
    docComment(['Optional properties that also take an explicit `undefined` (`{ status: maybe }` under `exactOptionalPropertyTypes`).'], ''),
    'export type AcceptUndefined<T> = { [K in keyof T]: {} extends Pick<T, K> ? T[K] | undefined : T[K] };',
    '',
    blocks.join('\n\n'),
    '',
  ].join('\n');
}
