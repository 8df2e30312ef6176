// The stateful fake of the VPS.org API: a plain `(Request) => Promise<Response>` handler, usable in-process as a
// client's `fetch` or served over HTTP (node-adapter.js) behind Prism's validating proxy. Routes, parameters,
// statuses and error examples come from the operation model.
import { acceptsPathValue } from '@vps-org/openapi';
import { bundledRoutes, GENERIC, Routes } from '../routes.js';
import { json } from './answers.js';
import { bearerToken } from '../token.js';
import { BodyChecker, bundledChecker } from './body-check.js';
import { dnsOperations } from './dns.js';
import { mockRoutes } from './mock-routes.js';
import { preferredAnswer } from './prefer.js';
import { serverOperations } from './servers.js';
import { loadSeed } from './state.js';
import { Store } from './store.js';
import type { Call, Fail } from './answers.js';
import type { JsonObject } from '@vps-org/openapi';
import type { Fake } from '../types.js';

export interface FakeOptions {
  /** How long provisioning, starting, stopping and rebooting take. Default 2000. */
  transitionMs?: number;
  /** Milliseconds since the epoch; `Date.now` by default. */
  clock?: () => number;
  /** Another bundle than `@vps-org/openapi`'s. */
  spec?: JsonObject;
  /** What the fake starts with: the `Seed` format of `GET /_mock/state` (src/mock-api.json). A seed that does not fit throws a SeedError naming the field. */
  seed?: unknown;
}

/**
 * The stateful fake in-process, without Prism or a port: state per bearer token, `POST /_mock/reset`.
 * It checks request bodies against the spec itself; answers are not validated (use `startMock({ stateful: true })`).
 */
export function createFake(options: FakeOptions = {}): Fake {
  const { transitionMs = 2000, clock = Date.now, spec, seed } = options;
  const routes = spec ? new Routes(spec) : bundledRoutes();
  const checker = spec ? new BodyChecker(routes.spec) : bundledChecker();
  const store = new Store();
  const control = mockRoutes(store, clock);
  const fail: Fail = (status, body) =>
    json(status, { detail: body.detail, error_code: body.error_code ?? 'validation_error', field: body.field ?? null });
  const notFound = (call: Call) => json(404, routes.errorBody(call.op, 404, GENERIC.notFound));
  const named = (call: Call, status: number, name: string) =>
    routes.namedError(call.op, status, name, { detail: 'The server is not in a state that allows this.', error_code: 'invalid_state', field: null });
  const recordInput = routes.get('createDnsZoneRecord').requestBody?.schema;

  const operations: Record<string, (call: Call) => Response> = {
    ...serverOperations({ transitionMs, fail, named, notFound }),
    ...dnsOperations({ fail, notFound, checkRecord: (input) => checkRecordInput(input) }),
  };
  const checkRecordInput = (input: unknown) => (recordInput ? checker.checkSchema(recordInput, input) : null);
  if (seed !== undefined) loadSeed(store, seed, checkRecordInput);
  const missing = routes.operations.filter((op) => !operations[op.operationId]).map((op) => op.operationId);
  if (missing.length) throw new Error(`the stateful fake does not implement ${missing.join(', ')}`);

  async function handler(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const token = bearerToken(request.headers.get('authorization'));
    if (url.pathname.startsWith('/_mock/')) return control(request, url, token);
    // HEAD is GET without the body, as Django answers it.
    if (request.method === 'HEAD') {
      const answer = await handler(new Request(request.url, { method: 'GET', headers: request.headers }));
      return new Response(null, { status: answer.status, headers: answer.headers });
    }
    const match = routes.match(request.method, url.pathname);
    // A malformed id matches no URL pattern of the real API (Django's typed routes): 404, as the spec documents.
    if (!match) return json(404, GENERIC.notFound);
    if (match.malformed) return json(404, routes.errorBody(match.any, 404, GENERIC.notFound));
    const op = match.op;
    if (!op) {
      const response = fail(405, { detail: `Method "${request.method}" not allowed.`, error_code: 'method_not_allowed' });
      response.headers.set('allow', match.allowed.join(', '));
      return response;
    }
    if (!token) return json(401, routes.errorBody(op, 401, GENERIC.unauthorized));
    const preferred = preferredAnswer(routes.spec, op, request.headers.get('prefer'));
    if (preferred) return preferred;

    for (const param of op.queryParams) {
      const value = url.searchParams.get(param.name);
      if (value && !acceptsPathValue(param, value)) {
        return fail(400, { detail: `"${value}" is not a valid ${param.name}.`, field: param.name });
      }
    }
    let body;
    if (op.requestBody) {
      const text = await request.text();
      try {
        body = JSON.parse(text);
      } catch (error) {
        return fail(400, { detail: `JSON parse error - ${(error as Error).message}`, error_code: 'parse_error' });
      }
      const problem = checker.check(op, body);
      if (problem) return fail(400, problem);
    }
    const implementation = operations[op.operationId] as (call: Call) => Response;
    return implementation({ account: store.account(token), op, params: match.params, url, body, now: clock(), nextServerId: () => store.nextServerId() });
  }

  // The store is reachable at run time, as it always was, but is no part of the documented type.
  const fake = { handler, store };
  return fake;
}
