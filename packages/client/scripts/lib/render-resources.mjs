// resources/*.generated.ts: one class per tag, one method per operation, sending through the client's transport.
/** @import { JsonObject, OperationModel } from '@vps-org/openapi' */
/**
 * @typedef {{ method: string, op: OperationModel }} PlannedMethod
 * @typedef {{ name: string, className: string, tag: string, methods: PlannedMethod[] }} PlannedResource
 */
import { refName, resolve } from '@vps-org/openapi';
import { docComment, quote, schemaType } from './types.mjs';

const I1 = '  ';
const I2 = I1.repeat(2);
/** @type {Record<string, string>} */
const PRIMITIVES = { integer: 'number', number: 'number', string: 'string', boolean: 'boolean' };

/**
 * Groups the operations by their first tag, in the spec's order, with the names the client gives them.
 * @param {OperationModel[]} operations
 * @returns {PlannedResource[]}
 */
export function planResources(operations) {
  /** @type {Map<string, PlannedResource>} */
  const resources = new Map();
  for (const op of operations) {
    const name = op.resource;
    const resource = resources.get(name) ?? { name, className: op.resourceClass, tag: op.tag, methods: [] };
    resource.methods.push({ method: op.clientMethod, op });
    resources.set(name, resource);
  }
  return [...resources.values()];
}

/**
 * Renders one class; `models` collects the model names its signatures use, for the import line, and `patterns`
 * names a module constant for a path parameter's pattern.
 * @param {JsonObject} spec
 * @param {PlannedResource} resource
 * @param {Set<string>} models
 * @param {(source: string) => string} patterns
 */
function renderResource(spec, resource, models, patterns) {
  /** @param {JsonObject | undefined} schema @param {string} fallback */
  const use = (schema, fallback) => {
    const type = schemaType(schema, fallback);
    const name = refName(schema) ?? refName(schema?.items);
    if (type !== fallback && name) models.add(name);
    return type;
  };
  const methods = resource.methods.map(({ method, op }) => {
    const id = op.operationId;
    const { pathParams, queryParams } = op;
    const bodySchema = op.requestBody?.schema;

    const args = [];
    const docs = [];
    for (const p of pathParams) {
      const simple = !p.schema?.enum && PRIMITIVES[p.schema?.type ?? ''];
      args.push(`${p.argName}: ${simple ?? `operations['${id}']['parameters']['path']['${p.name}']`}`);
      docs.push(`@param ${p.argName} ${p.description ?? p.name}`);
    }
    if (bodySchema) {
      const fallback = `NonNullable<operations['${id}']['requestBody']>['content']['application/json']`;
      args.push(`body${op.requestBody?.required ? '' : '?'}: ${use(bodySchema, fallback)}`);
      const about = op.requestBody?.description ?? resolve(spec, bodySchema)?.description?.split(/(?<=\w{2}\.)\s+(?=[A-Z])/)[0];
      docs.push(`@param body ${about ?? 'The request body.'}`);
    }
    if (queryParams.length) {
      const queryType = /** @type {string} */ (op.queryType);
      models.add(queryType);
      args.push(`query${queryParams.some((p) => p.required) ? '' : '?'}: ${queryType}`);
      docs.push(`@param query ${queryParams.map((p) => `\`${p.name}\``).join(', ')}.`);
    }
    args.push('options?: RequestOptions');
    docs.push('@param options Per-call `signal`, `timeoutMs`, `maxRetries`, `headers` and hooks.');

    const success = op.responses.filter((r) => op.successStatuses.includes(r.status));
    const bodies = success.map(({ status, schema }) => {
      return schema ? use(schema, `operations['${id}']['responses'][${status}]['content']['application/json']`) : 'undefined';
    });
    const returnsBody = bodies.some((b) => b !== 'undefined');

    const path = op.path.replace(/\{([^}]+)\}/g, (_, /** @type {string} */ name) => {
      const p = pathParams.find((param) => param.name === name);
      if (!p) throw new Error(`${id}: the path names {${name}}, which is not one of its path parameters`);
      if (p.type === 'integer') {
        const min = p.schema?.minimum ?? p.schema?.exclusiveMinimum;
        return `\${integerParam(${p.argName}, '${p.argName}'${min === undefined ? '' : `, ${p.schema?.minimum ?? min + 1}`})}`;
      }
      return `\${stringParam(${p.argName}, '${p.argName}'${p.pattern ? `, ${patterns(p.pattern)}` : ''})}`;
    });
    // A path with parameters is built inside the call, so that a bad one rejects the promise rather than throwing.
    const sendArgs = ['this.transport', quote(op.method), pathParams.length ? `() => \`${path}\`` : quote(op.path), 'options'];
    if (bodySchema) sendArgs.push('body');
    if (queryParams.length) sendArgs.push(...(bodySchema ? [] : ['undefined']), 'query');
    const returned = returnsBody ? [...new Set(bodies)].join(' | ') : 'void';
    const summary = op.summary ? `${op.summary}.` : id;
    const lines = [
      docComment([summary, '', `\`${op.method} ${op.path}\` (operationId \`${id}\`).`, '', ...docs], I1),
      `${I1}${method}(${args.join(', ')}): VpsPromise<${returned}> {`,
      `${I2}return request(${sendArgs.join(', ')});`,
      `${I1}}`,
    ];
    return lines.join('\n');
  });
  return [
    docComment([`The operations of the spec's "${resource.tag}" tag: \`vps.${resource.name}\`.`], ''),
    `export class ${resource.className} {`,
    `${I1}constructor(protected readonly transport: Transport) {}`,
    '',
    methods.join('\n\n'),
    '}',
  ].join('\n');
}

/**
 * pagination/list-all.generated.ts: for each GET whose answer has `results` and `next`, a function that iterates
 * over every item of every page, named `<method>All<Resource>` (`listAllServers`). They are functions rather than
 * methods so that a program that does not call one bundles none of the pagination code.
 * @param {JsonObject} spec
 * @param {OperationModel[]} operations
 */
export function renderListAll(spec, operations) {
  /** @type {Set<string>} */
  const models = new Set();
  /** @type {Set<string>} */
  const classes = new Set();
  const functions = [];
  for (const resource of planResources(operations)) {
    for (const { method, op } of resource.methods) {
      if (!op.paginated) continue;
      // A list with path parameters would need them threaded through; none of the spec's has any.
      if (op.pathParams.length) throw new Error(`${op.operationId} is paginated and takes path parameters: listAll cannot follow it yet`);
      const page = op.responses.find((r) => r.status === '200')?.schema;
      const items = resolve(spec, page)?.properties?.results?.items;
      if (!items) throw new Error(`${op.operationId} is paginated, yet its 200 answer has no \`results\` array`);
      const item = schemaType(items, `NonNullable<operations['${op.operationId}']['responses'][200]['content']['application/json']['results']>[number]`);
      const itemName = refName(items) ?? refName(items.items);
      if (itemName && item !== undefined && !item.startsWith('NonNullable')) models.add(itemName);
      const queryType = /** @type {string} */ (op.queryType);
      models.add(queryType);
      classes.add(resource.className);
      const name = /** @type {string} */ (op.pageIterator);
      const names = op.queryParams.map((p) => quote(p.name)).join(', ');
      functions.push(
        [
          docComment(
            [
              `Every item of every page of \`vps.${resource.name}.${method}\`: an async iterator that fetches the next page when`,
              'the loop needs it, following `next` until it is null or absent.',
              '',
              '```ts',
              `for await (const item of ${name}(vps, query)) console.log(item);`,
              '```',
            ],
            '',
          ),
          `export function ${name}(`,
          `${I1}vps: { readonly ${resource.name}: PlainMethods<${resource.className}, '${method}'> },`,
          `${I1}query?: ${queryType},`,
          `${I1}options?: RequestOptions,`,
          `): AsyncGenerator<${item}, void, undefined> {`,
          `${I1}const resource = vps.${resource.name};`,
          `${I1}return paginate((pageQuery) => resource.${method}(pageQuery, options), query, [${names}], MAX_PAGES, redactorOf(resource));`,
          '}',
        ].join('\n'),
      );
    }
  }
  const files = planResources(operations).filter((r) => classes.has(r.className));
  return [
    "import type { PlainMethods } from '../core/api-promise.js';",
    "import type { RequestOptions } from '../core/options.js';",
    ...files.map((r) => `import type { ${r.className} } from '../resources/${r.methods[0]?.op.cli.group}.generated.js';`),
    ...(models.size ? [`import type { ${[...models].sort().join(', ')} } from '../generated/models.js';`] : []),
    ...(functions.some((f) => f.includes('operations[')) ? ["import type { operations } from '../generated/openapi.js';"] : []),
    "import { MAX_PAGES, paginate, redactorOf } from './paginate.js';",
    '',
    functions.join('\n\n'),
    '',
  ].join('\n');
}

/**
 * One module per resource: `resources/<group>.generated.ts`, e.g. `servers.generated.ts` holding `ServersResource`.
 * Returns the file names and texts.
 */
/**
 * @param {JsonObject} spec
 * @param {OperationModel[]} operations
 * @returns {Array<{ name: string, className: string, text: string }>}
 */
export function renderResources(spec, operations) {
  return planResources(operations).map((resource) => {
    /** @type {Set<string>} */
    const models = new Set();
    /** @type {Map<string, string>} */
    const regexes = new Map();
    /** @param {string} source */
    const patterns = (source) => {
      const name = regexes.get(source) ?? `PATTERN_${regexes.size + 1}`;
      regexes.set(source, name);
      return name;
    };
    const text = renderResource(spec, resource, models, patterns);
    const helpers = ['integerParam', 'stringParam'].filter((name) => text.includes(`${name}(`));
    const imports = [
      "import { request, type VpsPromise } from '../core/api-promise.js';",
      "import type { RequestOptions } from '../core/options.js';",
      ...(helpers.length ? [`import { ${helpers.join(', ')} } from '../core/path-params.js';`] : []),
      "import type { Transport } from '../core/transport.js';",
      ...(models.size ? [`import type { ${[...models].sort().join(', ')} } from '../generated/models.js';`] : []),
      ...(text.includes('operations[') ? ["import type { operations } from '../generated/openapi.js';"] : []),
    ];
    const consts = [...regexes].map(([source, name]) => `const ${name} = new RegExp(${quote(source)});`);
    const group = resource.methods[0]?.op.cli.group;
    return { name: `${group}.generated.ts`, className: resource.className, text: [...imports, '', ...consts, ...(consts.length ? [''] : []), text, ''].join('\n') };
  });
}

/**
 * generated/operations.ts: which method each operation became, for tests and tools that start from an operationId.
 * @param {OperationModel[]} operations
 */
export function renderOperationTable(operations) {
  const rows = planResources(operations).flatMap((r) =>
    r.methods.map(
      ({ method, op }) =>
        `${I1}${op.operationId}: { resource: '${r.name}', method: '${method}', httpMethod: '${op.method}', path: ${quote(op.path)} },`,
    ),
  );
  return ['/** Which method of which `vps.<resource>` each operation of the spec became. */', 'export const operationMethods = {', ...rows, '} as const;', ''].join('\n');
}
