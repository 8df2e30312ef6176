// Which operation a request is, read from the operation model (paths, parameters, statuses, examples), for the
// front and the stateful fake alike: no route table is written by hand, so neither can drift from the spec.
import { listOperations, namedExamples } from '@vps-org/openapi';
import { bundledSpec } from './bundled-spec.js';

/** @typedef {import('@vps-org/openapi').OperationModel} OperationModel */
/** @typedef {import('@vps-org/openapi').ParameterModel} ParameterModel */
/** @typedef {{ detail: string, error_code?: string, field?: string | null }} ApiError */

/**
 * @typedef {object} RouteMatch
 * @property {OperationModel | undefined} op The operation of this method and path; undefined when the path is
 *   known but the method is not (405).
 * @property {OperationModel} any An operation on the same path (the one of this method when there is one).
 * @property {Record<string, string>} params Path parameters as they came in, percent-decoded.
 * @property {ParameterModel | undefined} malformed The first path parameter whose value its schema refuses.
 */

/** @param {string} text */
const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether `raw` is a value the path parameter's schema accepts (the typed URL patterns of the real API). */
export function acceptsPathValue(/** @type {ParameterModel} */ param, /** @type {string} */ raw) {
  if (param.type === 'integer') {
    if (!/^-?\d+$/.test(raw)) return false;
    const n = Number(raw);
    const min = typeof param.schema.minimum === 'number' ? param.schema.minimum : -Infinity;
    const max = typeof param.schema.maximum === 'number' ? param.schema.maximum : Infinity;
    return Number.isSafeInteger(n) && n >= min && n <= max;
  }
  if (param.pattern !== undefined && !new RegExp(param.pattern, 'u').test(raw)) return false;
  if (param.enum !== undefined && !param.enum.includes(raw)) return false;
  return raw.length > 0;
}

export class Routes {
  /** @param {import('@vps-org/openapi').JsonObject} [spec] */
  constructor(spec = bundledSpec()) {
    this.spec = spec;
    this.operations = listOperations(spec);
    /** @type {Map<string, OperationModel>} */
    this.byId = new Map(this.operations.map((op) => [op.operationId, op]));
    /** @type {Array<{ pattern: RegExp, names: string[], ops: OperationModel[] }>} */
    this.paths = [];
    for (const op of this.operations) {
      let entry = this.paths.find((p) => p.ops[0]?.path === op.path);
      if (!entry) {
        const names = op.pathParams.map((p) => p.name);
        const source = op.path.split(/\{[^}]+\}/).map(escapeRegExp).join('([^/]+)');
        entry = { pattern: new RegExp(`^${source}$`), names, ops: [] };
        this.paths.push(entry);
      }
      entry.ops.push(op);
    }
  }

  /** @param {string} operationId */
  get(operationId) {
    const op = this.byId.get(operationId);
    if (!op) throw new Error(`the spec has no operation ${operationId}`);
    return op;
  }

  /**
   * The operation `method pathname` is, or undefined when no path of the spec matches.
   * @param {string} method
   * @param {string} pathname
   * @returns {RouteMatch | undefined}
   */
  match(method, pathname) {
    for (const entry of this.paths) {
      const m = entry.pattern.exec(pathname);
      if (!m) continue;
      const op = entry.ops.find((o) => o.method === method.toUpperCase());
      const any = op ?? /** @type {OperationModel} */ (entry.ops[0]);
      /** @type {Record<string, string>} */
      const params = {};
      let malformed;
      for (const [i, name] of entry.names.entries()) {
        let value = m[i + 1] ?? '';
        try {
          value = decodeURIComponent(value);
        } catch {
          // A broken escape is as malformed as any other bad id: leave it raw, the check below refuses it.
        }
        params[name] = value;
        const param = any.pathParams.find((p) => p.name === name);
        if (!malformed && param && !acceptsPathValue(param, value)) malformed = param;
      }
      return { op, any, params, malformed };
    }
    return undefined;
  }

  /**
   * The body an operation documents for `status`: its first named example when it has one, else `fallback`.
   * @param {OperationModel} op
   * @param {number} status
   * @param {ApiError} fallback
   * @returns {ApiError}
   */
  errorBody(op, status, fallback) {
    const [first] = Object.values(namedExamples(this.spec, op, status));
    return first && typeof first === 'object' ? /** @type {ApiError} */ (first) : fallback;
  }

  /**
   * A named example of one of the operation's answers (e.g. `ErrorServerAlreadyRunning` of startServer's 400).
   * @param {OperationModel} op
   * @param {number} status
   * @param {string} name
   * @param {ApiError} fallback
   * @returns {ApiError}
   */
  namedError(op, status, name, fallback) {
    const found = namedExamples(this.spec, op, status)[name];
    return found && typeof found === 'object' ? /** @type {ApiError} */ (found) : fallback;
  }
}

/** DRF's answers where the spec has no example of its own. */
export const GENERIC = {
  notFound: { detail: 'Not found.', error_code: 'not_found', field: null },
  unauthorized: { detail: 'Authentication credentials were not provided.', error_code: 'not_authenticated', field: null },
};

/** @type {Routes | undefined} */
let shared;
/** One Routes of the bundled spec per process: building the model reads and walks the whole bundle. */
export function bundledRoutes() {
  return (shared ??= new Routes());
}
