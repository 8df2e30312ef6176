// Which operation a request is, read from the operation model (paths, parameters, statuses, examples), for the
// front and the stateful fake alike: no route table is written by hand, so neither can drift from the spec.
import { createRouter, listOperations, namedExamples } from '@vps-org/openapi';
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
 * @property {string[]} allowed The methods the path takes (HEAD wherever GET is), for a 405's `Allow`.
 */

export class Routes {
  /** @param {import('@vps-org/openapi').JsonObject} [spec] */
  constructor(spec = bundledSpec()) {
    this.spec = spec;
    this.operations = listOperations(spec);
    /** @type {Map<string, OperationModel>} */
    this.byId = new Map(this.operations.map((op) => [op.operationId, op]));
    this.router = createRouter(this.operations);
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
    const m = this.router.match(method, pathname);
    if (!m) return undefined;
    const methods = m.pathOps.map((op) => op.method.toUpperCase());
    const allowed = methods.includes('GET') ? [...methods, 'HEAD'] : methods;
    return { op: m.op, any: /** @type {OperationModel} */ (m.pathOps[0]), params: m.params, malformed: m.malformed, allowed };
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
  unavailable: { detail: 'Service temporarily unavailable, try again later.', error_code: 'service_unavailable', field: null },
};

/** @type {Routes | undefined} */
let shared;
/** One Routes of the bundled spec per process: building the model reads and walks the whole bundle. */
export function bundledRoutes() {
  return (shared ??= new Routes());
}
