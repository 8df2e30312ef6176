// Turns one operation of the bundle into the plain facts every language's sample is written from, so the four
// renderers never read the spec themselves and always agree on URL, parameters and body.
import { listOperations, resolve } from '@vps-org/openapi';
import { clientCall } from './naming.js';

/**
 * @typedef {{ name: string, value: unknown }} Param
 * @typedef {{
 *   operationId: string, method: string, path: string, url: string, origin: string,
 *   pathParams: Param[], query: Param[], body: unknown, hasBody: boolean, noContent: boolean,
 *   client: { resource: string, method: string },
 * }} SampleRequest
 */

/** The sample requests of every operation of `spec`, in document order. */
export function sampleRequests(spec) {
  return listOperations(spec).map((op) => sampleRequest(spec, op));
}

/** @returns {SampleRequest} */
export function sampleRequest(spec, op) {
  const origin = String(spec.servers?.[0]?.url ?? '').replace(/\/$/, '');
  if (!origin) throw new Error('The spec names no server URL for the samples');
  const where = `${op.method} ${op.path} (${op.operationId})`;

  // Path parameters in the order the path names them: that is the order of the client's arguments too.
  const names = [...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
  const pathParams = names.map((name) => {
    const param = op.parameters.find((p) => p.in === 'path' && p.name === name);
    if (!param) throw new Error(`${where}: path parameter {${name}} is not declared`);
    return { name, value: exampleOf(spec, param, `${where}: path parameter ${name}`) };
  });
  // Query parameters show up when they carry an example, so the samples teach the filters the spec documents.
  const query = op.parameters
    .filter((p) => p.in === 'query' && (p.required || hasExample(p)))
    .map((p) => ({ name: p.name, value: exampleOf(spec, p, `${where}: query parameter ${p.name}`) }));

  const media = op.requestBody?.content?.['application/json'];
  const hasBody = Boolean(media);
  const body = hasBody ? bodyExample(spec, media, where) : undefined;

  let path = op.path;
  for (const { name, value } of pathParams) path = path.replace(`{${name}}`, encodeURIComponent(String(value)));
  const search = new URLSearchParams(query.map(({ name, value }) => [name, String(value)])).toString();

  const success = op.statuses.filter((s) => s.startsWith('2'));
  return {
    operationId: op.operationId,
    method: op.method,
    path: op.path,
    origin,
    url: `${origin}${path}${search ? `?${search}` : ''}`,
    pathParams,
    query,
    body,
    hasBody,
    noContent: success.length > 0 && success.every((s) => s === '204'),
    client: clientCall(op),
  };
}

function hasExample(param) {
  return param.example !== undefined || Object.keys(param.examples ?? {}).length > 0;
}

/** A parameter's own example: `example`, else its first named example, else its schema's. */
function exampleOf(spec, param, what) {
  if (param.example !== undefined) return param.example;
  const first = Object.values(param.examples ?? {})[0];
  if (first) return resolve(spec, first).value;
  const schema = resolve(spec, param.schema ?? {});
  if (schema.examples?.length) return schema.examples[0];
  if (schema.example !== undefined) return schema.example;
  throw new Error(`${what} has no example to put in the code samples`);
}

/** The first request-body example (named examples first, as Redoc lists them), else `example`. */
function bodyExample(spec, media, where) {
  const first = Object.values(media.examples ?? {})[0];
  if (first) return structuredClone(resolve(spec, first).value);
  if (media.example !== undefined) return structuredClone(media.example);
  throw new Error(`${where}: the request body has no example to put in the code samples`);
}
