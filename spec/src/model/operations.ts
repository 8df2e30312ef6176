// The operation model: every fact about an operation that the client, the docs, the mock, the CLI and the tests
// need, derived once from the bundle so that they all agree.
import { HTTP_METHODS, loadSpec, refName, resolve, type JsonObject } from '../spec.js';
import { bodyFields, type BodyFieldModel } from './body-fields.js';
import { camelCase, kebabCase, methodWords, NamingError, pascalCase, snakeCase, words } from './naming.js';

export type HttpMethod = 'GET' | 'PUT' | 'POST' | 'DELETE' | 'OPTIONS' | 'HEAD' | 'PATCH' | 'TRACE';

export interface ParameterModel {
  /** The name on the wire: `server_id`, `record_type`. */
  name: string;
  /** The name as a JavaScript argument or property: `serverId`, `recordType`. */
  argName: string;
  /** The name as a CLI flag, without dashes: `server-id`, `record-type`. */
  flagName: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  description: string | undefined;
  /** The schema's `type` (`integer`, `string`...), its `format` (`uuid`) and `pattern`, if any. */
  type: string | undefined;
  format: string | undefined;
  pattern: string | undefined;
  enum: unknown[] | undefined;
  /** The parameter's schema, resolved. */
  schema: JsonObject;
  /** The parameter's example, if the spec gives one. */
  example: unknown;
}

export interface ResponseModel {
  status: string;
  description: string;
  /** The JSON body's schema as written (a `$ref` stays a `$ref`), when the answer has one. */
  schema: JsonObject | undefined;
  /** The component the JSON body's schema names (`ServerDetail`), when it is a `$ref`. */
  schemaName: string | undefined;
  /** The names of the answer's examples, as `Prefer: example=` takes them. */
  examples: string[];
  /** Response headers the status documents (`Retry-After`). */
  headers: string[];
}

export interface RequestBodyModel {
  required: boolean;
  description: string | undefined;
  /** The JSON schema as written (a `$ref` stays a `$ref`). */
  schema: JsonObject;
  /** The component it names (`ServerCreateRequest`), when it is a `$ref`. */
  schemaName: string | undefined;
  /** The names of the body's examples. */
  examples: string[];
  /** Its top-level fields (the union over `oneOf` branches), as flags take them. */
  fields: BodyFieldModel[];
}

/** One call that the spec says is valid: path parameters, query and body taken from its examples. */
export interface ExampleCall {
  pathParams: Record<string, unknown>;
  query: Record<string, unknown>;
  body: unknown;
  /** The path with the parameters filled in and the query appended: `/api/v1/servers/12345/`. */
  url: string;
}

export interface OperationEffects {
  /** A GET: it changes nothing. */
  readOnly: boolean;
  /** A PUT or DELETE: calling it twice does what calling it once does. */
  idempotent: boolean;
  /** A DELETE, or an operation the spec marks `x-destructive` (it interrupts what runs: stop, reboot). */
  destructive: boolean;
}

export interface OperationModel {
  operationId: string;
  method: HttpMethod;
  /** `/api/v1/servers/{server_id}/`. */
  path: string;
  /** The first tag: it decides the resource. */
  tag: string;
  /** The first tag's description in the document's `tags`, for a group's help and docs. */
  tagDescription: string | undefined;
  tags: string[];
  summary: string | undefined;
  description: string | undefined;
  /** The client's property: `vps.dnsZones`. */
  resource: string;
  /** The client's generated class: `DnsZonesResource`. */
  resourceClass: string;
  /** The client's method: `createRecord` in `vps.dnsZones.createRecord`. */
  clientMethod: string;
  /** The CLI's words: `vps dns-zones create-record`. */
  cli: { group: string; command: string };
  /** The MCP tool's name, the operationId's words: `create_dns_zone_record`. */
  tool: string;
  /** What a call does, for tool annotations and confirmations. */
  effects: OperationEffects;
  /** Path parameters, in the order the path names them: the order of the client's and the CLI's arguments. */
  pathParams: ParameterModel[];
  queryParams: ParameterModel[];
  requestBody: RequestBodyModel | undefined;
  responses: ResponseModel[];
  /** Every documented status, as written: `['200', '401', '404']`. */
  statuses: string[];
  /** The success statuses (2xx). */
  successStatuses: string[];
  /** True when every success answers without a body (204). */
  noContent: boolean;
  /** True when a GET answers a page (`results` and `next`) that a client can follow to the end. */
  paginated: boolean;
  /** The client's function that iterates every item of every page, when `paginated`: `listAllServers`. */
  pageIterator: string | undefined;
  /** The client's type of the query parameters, when there are any: `ListServersQuery`. */
  queryType: string | undefined;
  security: Array<Record<string, string[]>> | undefined;
  /** One minimal valid call, from the spec's own examples. */
  example: ExampleCall;
  /** The operation object of the bundle, for what the model does not say. */
  raw: JsonObject;
}

export class OperationModelError extends Error {
  override name = 'OperationModelError';
}

/** Every operation of `spec` (the bundle by default), in document order, with the names the client and CLI use. */
export function listOperations(spec: JsonObject = loadSpec()): OperationModel[] {
  const ops: OperationModel[] = [];
  for (const [path, item] of Object.entries((spec.paths ?? {}) as Record<string, JsonObject>)) {
    for (const method of HTTP_METHODS) {
      const op = item[method] as JsonObject | undefined;
      if (op) ops.push(buildOperation(spec, path, method.toUpperCase() as HttpMethod, item, op));
    }
  }
  assertUniqueNames(ops);
  return ops;
}

/** The operation with that operationId; throws when the spec has none. */
export function getOperation(operationId: string, operations: OperationModel[] = listOperations()): OperationModel {
  const op = operations.find((o) => o.operationId === operationId);
  if (!op) throw new OperationModelError(`The spec has no operation "${operationId}"`);
  return op;
}

function buildOperation(spec: JsonObject, path: string, method: HttpMethod, item: JsonObject, op: JsonObject): OperationModel {
  const operationId = op.operationId as string | undefined;
  const where = `${method} ${path}`;
  if (!operationId) throw new OperationModelError(`${where} has no operationId`);
  const tags = (op.tags ?? []) as string[];
  const tag = tags[0];
  if (!tag) throw new OperationModelError(`${operationId} (${where}) has no tag, so no resource to live on`);

  let method_: string[];
  try {
    method_ = methodWords(operationId, tag);
  } catch (error) {
    if (error instanceof NamingError) throw new OperationModelError(`${where}: ${error.message}`);
    throw error;
  }
  const tagWords = words(tag);

  const declared = [...((item.parameters ?? []) as unknown[]), ...((op.parameters ?? []) as unknown[])].map(
    (p) => resolve(spec, p) as JsonObject,
  );
  // An operation's own parameter overrides the path item's one of the same name and place.
  const parameters = declared.filter((p, i) => !declared.slice(i + 1).some((q) => q.name === p.name && q.in === p.in));
  const pathParams = [...path.matchAll(/\{([^}]+)\}/g)].map(([, name]) => {
    const param = parameters.find((p) => p.in === 'path' && p.name === name);
    if (!param) throw new OperationModelError(`${operationId}: path parameter {${name}} is not declared`);
    return parameterModel(spec, param);
  });
  const queryParams = parameters.filter((p) => p.in === 'query').map((p) => parameterModel(spec, p));

  const body = resolve(spec, op.requestBody) as JsonObject | undefined;
  const bodyMedia = body?.content?.['application/json'] as JsonObject | undefined;
  const requestBody: RequestBodyModel | undefined = bodyMedia
    ? {
        required: Boolean(body?.required),
        description: body?.description as string | undefined,
        schema: bodyMedia.schema as JsonObject,
        schemaName: refName(bodyMedia.schema),
        examples: Object.keys(bodyMedia.examples ?? {}),
        fields: bodyFields(spec, bodyMedia.schema),
      }
    : undefined;

  const responses: ResponseModel[] = Object.entries((op.responses ?? {}) as Record<string, unknown>).map(([status, r]) => {
    const response = resolve(spec, r) as JsonObject;
    const media = response.content?.['application/json'] as JsonObject | undefined;
    return {
      status,
      description: String(response.description ?? ''),
      schema: media?.schema as JsonObject | undefined,
      schemaName: refName(media?.schema),
      examples: Object.keys(media?.examples ?? {}),
      headers: Object.keys(response.headers ?? {}),
    };
  });
  const statuses = responses.map((r) => r.status);
  const successStatuses = statuses.filter((s) => /^2\d\d$/.test(s));

  const pageSchema = resolve(spec, responses.find((r) => r.status === '200')?.schema) as JsonObject | undefined;
  const paginated =
    method === 'GET' &&
    resolve(spec, pageSchema?.properties?.results)?.type === 'array' &&
    pageSchema?.properties?.next !== undefined;

  const resource = camelCase(tagWords);
  const clientMethod = camelCase(method_);
  return {
    operationId,
    method,
    path,
    tag,
    tagDescription: tagDescription(spec, tag),
    tags,
    summary: op.summary as string | undefined,
    description: op.description as string | undefined,
    resource,
    resourceClass: `${pascalCase(tagWords)}Resource`,
    clientMethod,
    cli: { group: kebabCase(tagWords), command: kebabCase(method_) },
    tool: snakeCase(words(operationId)),
    effects: {
      readOnly: method === 'GET',
      idempotent: method === 'PUT' || method === 'DELETE',
      destructive: method === 'DELETE' || op['x-destructive'] === true,
    },
    pathParams,
    queryParams,
    requestBody,
    responses,
    statuses,
    successStatuses,
    noContent: successStatuses.length > 0 && successStatuses.every((s) => s === '204'),
    paginated,
    pageIterator: paginated ? camelCase([...method_, 'All', ...tagWords]) : undefined,
    queryType: queryParams.length ? pascalCase([...words(operationId), 'Query']) : undefined,
    security: (op.security ?? spec.security) as OperationModel['security'],
    example: exampleCall(spec, operationId, path, pathParams, queryParams, bodyMedia),
    raw: op,
  };
}

function parameterModel(spec: JsonObject, param: JsonObject): ParameterModel {
  const schema = (resolve(spec, param.schema) ?? {}) as JsonObject;
  const nameWords = words(String(param.name));
  return {
    name: String(param.name),
    argName: camelCase(nameWords),
    flagName: kebabCase(nameWords),
    in: param.in as ParameterModel['in'],
    required: Boolean(param.required),
    description: param.description as string | undefined,
    type: schema.type as string | undefined,
    format: schema.format as string | undefined,
    pattern: schema.pattern as string | undefined,
    enum: schema.enum as unknown[] | undefined,
    schema,
    example: parameterExample(spec, param, schema),
  };
}

/** A parameter's own example: `example`, else its first named example, else its schema's. */
function parameterExample(spec: JsonObject, param: JsonObject, schema: JsonObject): unknown {
  if (param.example !== undefined) return param.example;
  const first = Object.values(param.examples ?? {})[0];
  if (first) return (resolve(spec, first) as JsonObject).value;
  if (Array.isArray(schema.examples) && schema.examples.length) return schema.examples[0];
  return schema.example;
}

function exampleCall(
  spec: JsonObject,
  operationId: string,
  path: string,
  pathParams: ParameterModel[],
  queryParams: ParameterModel[],
  bodyMedia: JsonObject | undefined,
): ExampleCall {
  const values: Record<string, unknown> = {};
  for (const p of pathParams) {
    if (p.example === undefined) throw new OperationModelError(`${operationId}: path parameter ${p.name} has no example`);
    values[p.name] = p.example;
  }
  const url = expandPath(path, values);
  // A query parameter shows up when it is required or carries an example, so a sample teaches the filters.
  const query: Record<string, unknown> = {};
  for (const p of queryParams) {
    if (p.example !== undefined) query[p.name] = p.example;
    else if (p.required) throw new OperationModelError(`${operationId}: required query parameter ${p.name} has no example`);
  }
  const search = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString();
  let body: unknown;
  if (bodyMedia) {
    // The first named example (as Redoc lists them), else `example`.
    const first = Object.values(bodyMedia.examples ?? {})[0];
    body = first ? (resolve(spec, first) as JsonObject).value : bodyMedia.example;
    if (body === undefined) throw new OperationModelError(`${operationId}: the request body has no example`);
    body = structuredClone(body);
  }
  return { pathParams: values, query, body, url: `${url}${search ? `?${search}` : ''}` };
}

function assertUniqueNames(ops: OperationModel[]): void {
  const seen = new Map<string, string>();
  for (const op of ops) {
    for (const key of [`${op.resource}.${op.clientMethod}`, `cli ${op.cli.group} ${op.cli.command}`, `tool ${op.tool}`]) {
      const other = seen.get(key);
      if (other) throw new OperationModelError(`${other} and ${op.operationId} both become ${key}: rename one operationId`);
      seen.set(key, op.operationId);
    }
  }
}

/**
 * The `application/json` media object (schema, examples) of an operation's answer with `status`, or of its request
 * body when `status` is `'request'`; undefined when that answer or body has none.
 */
function tagDescription(spec: JsonObject, tag: string): string | undefined {
  const entry = ((spec.tags ?? []) as JsonObject[]).find((t) => t.name === tag);
  return typeof entry?.description === 'string' ? entry.description.trim() : undefined;
}

export function jsonMedia(spec: JsonObject, op: OperationModel, status: number | string): JsonObject | undefined {
  const node = status === 'request' ? op.raw.requestBody : op.raw.responses?.[String(status)];
  return (resolve(spec, node) as JsonObject | undefined)?.content?.['application/json'] as JsonObject | undefined;
}

/** The named examples of that media object, by name, with their values resolved. */
export function namedExamples(spec: JsonObject, op: OperationModel, status: number | string): Record<string, unknown> {
  const examples = (jsonMedia(spec, op, status)?.examples ?? {}) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(examples).map(([name, ex]) => [name, (resolve(spec, ex) as JsonObject).value]));
}

/** A concrete path: each `{param}` of `template` replaced by its value, percent-encoded; a missing value throws. */
export function expandPath(template: string, values: Record<string, unknown>): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    if (!(name in values)) throw new OperationModelError(`no value for {${name}} in ${template}`);
    return encodeURIComponent(String(values[name]));
  });
}
