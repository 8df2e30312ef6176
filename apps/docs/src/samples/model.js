// The plain facts every language's sample is written from, taken from the spec's operation model, so the four
// renderers never read the spec themselves and always agree on URL, parameters, body and client method.
import { listOperations } from '@vps-org/openapi';

/**
 * @typedef {{ name: string, value: unknown }} Param
 * @typedef {{
 *   operationId: string, method: string, path: string, url: string, origin: string,
 *   pathParams: Param[], query: Param[], body: unknown, hasBody: boolean, noContent: boolean,
 *   client: { resource: string, method: string },
 * }} SampleRequest
 */

/**
 * The sample requests of every operation of `spec`, in document order.
 * @param {import('@vps-org/openapi').JsonObject} spec
 * @returns {SampleRequest[]}
 */
export function sampleRequests(spec) {
  return listOperations(spec).map((op) => sampleRequest(spec, op));
}

/**
 * @param {import('@vps-org/openapi').JsonObject} spec
 * @param {import('@vps-org/openapi').OperationModel} op
 * @returns {SampleRequest}
 */
export function sampleRequest(spec, op) {
  const origin = String(spec.servers?.[0]?.url ?? '').replace(/\/$/, '');
  if (!origin) throw new Error('The spec names no server URL for the samples');
  const { example } = op;
  return {
    operationId: op.operationId,
    method: op.method,
    path: op.path,
    origin,
    url: `${origin}${example.url}`,
    pathParams: op.pathParams.map((p) => ({ name: p.name, value: example.pathParams[p.name] })),
    query: Object.entries(example.query).map(([name, value]) => ({ name, value })),
    body: example.body,
    hasBody: Boolean(op.requestBody),
    noContent: op.noContent,
    client: { resource: op.resource, method: op.clientMethod },
  };
}
