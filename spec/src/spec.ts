// The bundled document and Ajv validators of its schemas, for tools and tests downstream.
import { readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

/** An OpenAPI document or any node of it, as parsed JSON. */
export type JsonObject = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- OpenAPI nodes are open-ended JSON

const BASE = 'https://schemas.vps.org/openapi.json';
export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** The path of the bundled document on disk (`dist/openapi.json`). */
export const BUNDLE_PATH = new URL('../dist/openapi.json', import.meta.url);

/** The bundled document, parsed; from `path` when given (a copy of the bundle a package ships with it). */
export function loadSpec(path: URL | string = BUNDLE_PATH): JsonObject {
  return JSON.parse(readFileSync(path, 'utf8')) as JsonObject;
}

/** Follows local `$ref`s (parameters, responses, request bodies, examples, schemas) to the node they name. */
export function resolve(spec: JsonObject, node: unknown): any { // eslint-disable-line @typescript-eslint/no-explicit-any -- whatever the ref points at
  let cur = node as JsonObject | undefined;
  while (cur && typeof cur === 'object' && typeof cur.$ref === 'string' && cur.$ref.startsWith('#/')) {
    cur = (cur.$ref as string)
      .slice(2)
      .split('/')
      .reduce<JsonObject | undefined>((o, k) => o?.[k.replace(/~1/g, '/').replace(/~0/g, '~')], spec);
  }
  return cur;
}

/** The component name a `$ref` points at (`#/components/schemas/DnsZone` -> `DnsZone`), if it is one. */
export function refName(node: unknown): string | undefined {
  const ref = (node as JsonObject | undefined)?.$ref;
  return typeof ref === 'string' ? /^#\/components\/[^/]+\/([^/]+)$/.exec(ref)?.[1] : undefined;
}

export interface SpecValidator {
  ajv: Ajv2020;
  /** Validator of a named component schema, e.g. `schema('DnsRecordInput')`. */
  schema(name: string): ValidateFunction;
  /** Validator of any schema object taken from the bundle (refs to components resolve). */
  compile(schema: object): ValidateFunction;
  /** Validator of the JSON body an operation answers with that status, or undefined when it has none. */
  response(operationId: string, status: number | string): ValidateFunction | undefined;
  /** Validator of an operation's JSON request body, or undefined when it takes none. */
  request(operationId: string): ValidateFunction | undefined;
}

/**
 * An Ajv (JSON Schema 2020-12, with formats) that knows every component schema of the spec.
 * OAS-only keywords are declared as annotations: `discriminator` adds nothing to validation here because each
 * `oneOf` branch is made exclusive by a `const`, so `oneOf` itself does the work.
 */
export function createSpecValidator(spec: JsonObject = loadSpec()): SpecValidator {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false });
  // ajv-formats is CommonJS: under NodeNext its default export arrives as the module object.
  type AddFormats = (ajv: Ajv2020) => Ajv2020;
  const formats = addFormatsModule as unknown as AddFormats & { default?: AddFormats };
  (formats.default ?? formats)(ajv);
  ajv.addKeyword({ keyword: 'discriminator', schemaType: 'object' });
  ajv.addKeyword({ keyword: 'example' });
  ajv.addKeyword({ keyword: 'xml', schemaType: 'object' });
  ajv.addKeyword({ keyword: 'externalDocs', schemaType: 'object' });
  const rewrite = (node: unknown): JsonObject =>
    JSON.parse(JSON.stringify(node).replaceAll('"#/components/schemas/', `"${BASE}#/$defs/`)) as JsonObject;
  ajv.addSchema({ $id: BASE, $defs: rewrite(spec.components?.schemas ?? {}) });
  const cache = new WeakMap<object, ValidateFunction>();
  const operationAt = (operationId: string): JsonObject | undefined => {
    for (const item of Object.values(spec.paths ?? {}) as JsonObject[]) {
      for (const method of HTTP_METHODS) if (item[method]?.operationId === operationId) return item[method] as JsonObject;
    }
    return undefined;
  };
  const compile = (schema: object): ValidateFunction => {
    let v = cache.get(schema);
    if (!v) {
      v = ajv.compile(rewrite(schema));
      cache.set(schema, v);
    }
    return v;
  };
  return {
    ajv,
    schema(name) {
      const v = ajv.getSchema(`${BASE}#/$defs/${name}`);
      if (!v) throw new Error(`No schema named ${name} in the spec`);
      return v;
    },
    compile,
    response(operationId, status) {
      const response = resolve(spec, operationAt(operationId)?.responses?.[String(status)]);
      const schema = response?.content?.['application/json']?.schema;
      return schema ? compile(schema) : undefined;
    },
    request(operationId) {
      const body = resolve(spec, operationAt(operationId)?.requestBody);
      const schema = body?.content?.['application/json']?.schema;
      return schema ? compile(schema) : undefined;
    },
  };
}
