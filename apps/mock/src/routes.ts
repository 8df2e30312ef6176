// Which operation a request is, read from the operation model (paths, parameters, statuses, examples), for the
// front and the stateful fake alike: no route table is written by hand, so neither can drift from the spec.
import { createRouter, listOperations, namedExamples } from '@vps-org/openapi';
import { bundledSpec } from './bundled-spec.js';
import type { JsonObject, OperationModel, ParameterModel } from '@vps-org/openapi';

export type ApiError = { detail: string, error_code?: string, field?: string | null };

export interface RouteMatch {
  /** The operation of this method and path; undefined when the path is known but the method is not (405). */
  op: OperationModel | undefined;
  /** An operation on the same path (the one of this method when there is one). */
  any: OperationModel;
  /** Path parameters as they came in, percent-decoded. */
  params: Record<string, string>;
  /** The first path parameter whose value its schema refuses. */
  malformed: ParameterModel | undefined;
  /** The methods the path takes (HEAD wherever GET is), for a 405's `Allow`. */
  allowed: string[];
}

export class Routes {
  readonly operations: OperationModel[];
  readonly byId: Map<string, OperationModel>;
  readonly router: ReturnType<typeof createRouter>;

  constructor(readonly spec: JsonObject = bundledSpec()) {
    this.operations = listOperations(spec);
    this.byId = new Map(this.operations.map((op) => [op.operationId, op]));
    this.router = createRouter(this.operations);
  }

  get(operationId: string) {
    const op = this.byId.get(operationId);
    if (!op) throw new Error(`the spec has no operation ${operationId}`);
    return op;
  }

  /** The operation `method pathname` is, or undefined when no path of the spec matches. */
  match(method: string, pathname: string): RouteMatch | undefined {
    const m = this.router.match(method, pathname);
    if (!m) return undefined;
    const methods = m.pathOps.map((op) => op.method.toUpperCase());
    const allowed = methods.includes('GET') ? [...methods, 'HEAD'] : methods;
    return { op: m.op, any: m.pathOps[0] as OperationModel, params: m.params, malformed: m.malformed, allowed };
  }

  /** The body an operation documents for `status`: its first named example when it has one, else `fallback`. */
  errorBody(op: OperationModel, status: number, fallback: ApiError): ApiError {
    const [first] = Object.values(namedExamples(this.spec, op, status));
    return first && typeof first === 'object' ? first as ApiError : fallback;
  }

  /** A named example of one of the operation's answers (e.g. `ErrorServerAlreadyRunning` of startServer's 400). */
  namedError(op: OperationModel, status: number, name: string, fallback: ApiError): ApiError {
    const found = namedExamples(this.spec, op, status)[name];
    return found && typeof found === 'object' ? found as ApiError : fallback;
  }
}

/** DRF's answers where the spec has no example of its own. */
export const GENERIC = {
  notFound: { detail: 'Not found.', error_code: 'not_found', field: null },
  unauthorized: { detail: 'Authentication credentials were not provided.', error_code: 'not_authenticated', field: null },
  unavailable: { detail: 'Service temporarily unavailable, try again later.', error_code: 'service_unavailable', field: null },
};

let shared: Routes | undefined;
/** One Routes of the bundled spec per process: building the model reads and walks the whole bundle. */
export function bundledRoutes() {
  return (shared ??= new Routes());
}
