// Which operation a request is: its method and path matched against the spec's path templates. The mock routes
// requests with it and the contract tests classify what they recorded with it, so both read one set of templates.
import type { OperationModel, ParameterModel } from './operations.js';

export interface RouteMatch {
  /** The operation of this method on the matched path; undefined when the path has no such method (405). */
  op: OperationModel | undefined;
  /** Every operation on the matched path, the one of this method first when there is one. */
  pathOps: OperationModel[];
  /** The path parameters, percent-decoded (a broken escape is kept as it came). */
  params: Record<string, string>;
  /** The first path parameter whose value its schema refuses, as a typed URL pattern would. */
  malformed: ParameterModel | undefined;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether `raw` is a value the path parameter's schema accepts: an integer in range, or a string its pattern takes. */
export function acceptsPathValue(param: ParameterModel, raw: string): boolean {
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

/** A matcher of requests to the operations: `match('GET', '/api/v1/servers/12/')`. */
export function createRouter(operations: OperationModel[]): { match(method: string, pathname: string): RouteMatch | undefined } {
  const paths: Array<{ pattern: RegExp; template: string; ops: OperationModel[] }> = [];
  for (const op of operations) {
    let entry = paths.find((p) => p.template === op.path);
    if (!entry) {
      const source = op.path.split(/\{[^}]+\}/).map(escapeRegExp).join('([^/]+)');
      entry = { pattern: new RegExp(`^${source}$`), template: op.path, ops: [] };
      paths.push(entry);
    }
    entry.ops.push(op);
  }
  // The most literal template wins where two could match (`/records/` before `/{uuid}/`).
  paths.sort((a, b) => a.ops[0]!.pathParams.length - b.ops[0]!.pathParams.length);
  return {
    match(method, pathname) {
      for (const entry of paths) {
        const m = entry.pattern.exec(pathname);
        if (!m) continue;
        const op = entry.ops.find((o) => o.method === method.toUpperCase());
        const pathOps = op ? [op, ...entry.ops.filter((o) => o !== op)] : entry.ops;
        const params: Record<string, string> = {};
        let malformed: ParameterModel | undefined;
        for (const [i, param] of pathOps[0]!.pathParams.entries()) {
          let value = m[i + 1] ?? '';
          try {
            value = decodeURIComponent(value);
          } catch {
            // A broken escape is as malformed as any other bad id: kept raw, the check below refuses it.
          }
          params[param.name] = value;
          if (!malformed && !acceptsPathValue(param, value)) malformed = param;
        }
        return { op, pathOps, params, malformed };
      }
      return undefined;
    },
  };
}
