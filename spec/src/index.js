// Helpers over the bundled spec, for tests and tools downstream: its operations, and Ajv validators of its schemas.
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const BASE = 'https://schemas.vps.org/openapi.json';
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** The bundled document, parsed. */
export function loadSpec() {
  return JSON.parse(readFileSync(new URL('../dist/openapi.json', import.meta.url), 'utf8'));
}

/** Every operation of the spec with its method, path, parameters and documented statuses. */
export function listOperations(spec = loadSpec()) {
  const ops = [];
  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const parameters = [...(item.parameters ?? []), ...(op.parameters ?? [])].map((p) => resolve(spec, p));
      ops.push({
        operationId: op.operationId,
        method: method.toUpperCase(),
        path,
        tags: op.tags ?? [],
        parameters,
        requestBody: op.requestBody ? resolve(spec, op.requestBody) : undefined,
        responses: Object.fromEntries(Object.entries(op.responses ?? {}).map(([s, r]) => [s, resolve(spec, r)])),
        statuses: Object.keys(op.responses ?? {}),
        security: op.security ?? spec.security,
        operation: op,
      });
    }
  }
  return ops;
}

/** Follows a local `$ref` (parameters, responses, request bodies, examples). */
export function resolve(spec, node) {
  let cur = node;
  while (cur && typeof cur === 'object' && typeof cur.$ref === 'string' && cur.$ref.startsWith('#/')) {
    cur = cur.$ref
      .slice(2)
      .split('/')
      .reduce((o, k) => o?.[k.replace(/~1/g, '/').replace(/~0/g, '~')], spec);
  }
  return cur;
}

/**
 * An Ajv (JSON Schema 2020-12, with formats) that knows every component schema of the spec.
 * OAS-only keywords are declared as annotations: `discriminator` adds nothing to validation here because each
 * `oneOf` branch is made exclusive by a `const`, so `oneOf` itself does the work.
 */
export function createSpecValidator(spec = loadSpec()) {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false });
  addFormats.default ? addFormats.default(ajv) : addFormats(ajv);
  ajv.addKeyword({ keyword: 'discriminator', schemaType: 'object' });
  ajv.addKeyword({ keyword: 'example' });
  ajv.addKeyword({ keyword: 'xml', schemaType: 'object' });
  ajv.addKeyword({ keyword: 'externalDocs', schemaType: 'object' });
  const rewrite = (node) => JSON.parse(JSON.stringify(node).replaceAll('"#/components/schemas/', `"${BASE}#/$defs/`));
  ajv.addSchema({ $id: BASE, $defs: rewrite(spec.components?.schemas ?? {}) });
  const cache = new WeakMap();
  const ops = listOperations(spec);
  const byId = new Map(ops.map((o) => [o.operationId, o]));
  return {
    ajv,
    /** Validator of a named component schema, e.g. `schema('DnsRecordInput')`. */
    schema(name) {
      const v = ajv.getSchema(`${BASE}#/$defs/${name}`);
      if (!v) throw new Error(`No schema named ${name} in the spec`);
      return v;
    },
    /** Validator of any schema object taken from the bundle (refs to components resolve). */
    compile(schema) {
      let v = cache.get(schema);
      if (!v) {
        v = ajv.compile(rewrite(schema));
        cache.set(schema, v);
      }
      return v;
    },
    /** Validator of the JSON body an operation answers with that status, or undefined when it has none. */
    response(operationId, status) {
      const schema = byId.get(operationId)?.responses[String(status)]?.content?.['application/json']?.schema;
      return schema ? this.compile(schema) : undefined;
    },
    /** Validator of an operation's JSON request body, or undefined when it takes none. */
    request(operationId) {
      const schema = byId.get(operationId)?.requestBody?.content?.['application/json']?.schema;
      return schema ? this.compile(schema) : undefined;
    },
    operations: ops,
  };
}
