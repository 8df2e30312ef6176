import { listOperations, loadSpec, type JsonObject, type OperationModel } from '@vps-org/openapi';
import { createCaller, type Answer } from './caller.js';
import { createAnswerChecker } from './check-answer.js';
import type { Drift } from './drift.js';
import { runLifecycle } from './lifecycle.js';

export interface LiveOptions {
  baseUrl: string;
  token: string;
  /** Also run the write lifecycle in a zone made for the purpose. */
  write?: boolean;
  /** How many items of each list are read back. Default 3. */
  limit?: number;
  spec?: JsonObject;
}

export interface LiveResult {
  drifts: Drift[];
  /** Every request sent, in order. */
  requests: string[];
  /** Operations that could not be called, and why (an empty account has nothing to read back). */
  skipped: string[];
  /** What the write lifecycle created and could not delete; empty when it cleaned up. */
  leftBehind: string[];
}

const itemsOf = (body: unknown): Record<string, unknown>[] => {
  const list = Array.isArray(body) ? body : (body as { results?: unknown } | null)?.results;
  return Array.isArray(list) ? list.filter((i): i is Record<string, unknown> => i !== null && typeof i === 'object') : [];
};

/** The value of a path parameter in a listed item: `uuid` is `uuid`, `server_id` is the server's `id`. */
const idFor = (item: Record<string, unknown>, param: string) => item[param] ?? item[param.replace(/^.*_/, '')];

/**
 * The drift check: every read-only operation, lists first, then each operation that reads one item, with the ids
 * the lists returned; every answer checked against the spec. `write` adds the lifecycle of `lifecycle.ts`.
 */
export async function checkLive(options: LiveOptions): Promise<LiveResult> {
  const spec = options.spec ?? loadSpec();
  const ops = listOperations(spec);
  const call = createCaller(options.baseUrl, options.token);
  const check = createAnswerChecker(spec);
  const result: LiveResult = { drifts: [], requests: [], skipped: [], leftBehind: [] };
  const record = (op: OperationModel, answer: Answer) => {
    result.requests.push(answer.request);
    result.drifts.push(...check(op, answer));
    return answer;
  };

  const reads = ops.filter((op) => op.method === 'GET');
  const listed = new Map<string, Record<string, unknown>[]>();
  for (const op of reads.filter((o) => o.pathParams.length === 0)) {
    const first = record(op, await call(op));
    listed.set(op.path, first.status === 200 ? itemsOf(first.body) : []);
    if (op.paginated && first.status === 200) await followNext(op, first, call, record, result);
  }
  for (const op of reads.filter((o) => o.pathParams.length > 0)) {
    const collection = op.path.slice(0, op.path.indexOf('{'));
    const items = listed.get(collection);
    if (op.pathParams.length !== 1 || !items) {
      result.skipped.push(`${op.operationId}: no list at ${collection} gives its ${op.pathParams.map((p) => p.name).join(', ')}`);
      continue;
    }
    const param = op.pathParams[0]!.name;
    const ids = items.map((i) => idFor(i, param)).filter((id) => typeof id === 'string' || typeof id === 'number');
    if (!ids.length) result.skipped.push(`${op.operationId}: the list at ${collection} returned nothing to read back`);
    for (const id of ids.slice(0, options.limit ?? 3)) record(op, await call(op, { [param]: id }));
  }
  if (options.write) await runLifecycle({ spec, ops, call, record, result });
  return result;
}

/**
 * A page's `next` must be a link to the same list on the same API, with parameters the list takes; it is then
 * followed once, and that page checked too.
 */
async function followNext(
  op: OperationModel,
  page: Answer,
  call: ReturnType<typeof createCaller>,
  record: (op: OperationModel, a: Answer) => Answer,
  result: LiveResult,
) {
  const next = (page.body as { next?: unknown } | null)?.next;
  if (typeof next !== 'string') return;
  const drift = (actual: string) =>
    result.drifts.push({
      operationId: op.operationId,
      request: page.request,
      pointer: '/next',
      expected: `a link to ${op.path} with ${op.queryParams.map((p) => p.name).join(', ')}`,
      actual,
    });
  let url: URL;
  try {
    url = new URL(next);
  } catch {
    return; // not a URL: the schema's `format: uri` has reported it
  }
  const foreign = [...url.searchParams.keys()].filter((k) => !op.queryParams.some((p) => p.name === k));
  if (url.pathname !== op.path) return drift(JSON.stringify(next));
  if (foreign.length) return drift(`${JSON.stringify(next)} (takes no ${foreign.join(', ')})`);
  record(op, await call(op, {}, Object.fromEntries(url.searchParams)));
}
