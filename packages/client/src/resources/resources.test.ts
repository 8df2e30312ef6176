import { createSpecValidator, listOperations, loadSpec, type OperationModel } from '@vps-org/openapi';
import { describe, expect, it } from 'vitest';
import { operationMethods } from '../generated/operations.js';
import { startLoopback, testClient } from '../testing/loopback.js';

const operations = listOperations(loadSpec());
const validator = createSpecValidator();
type Method = (...args: unknown[]) => Promise<unknown>;

function methodOf(vps: object, operationId: string): Method | undefined {
  const entry = operationMethods[operationId as keyof typeof operationMethods];
  if (!entry) return undefined;
  const resource = (vps as Record<string, Record<string, unknown> | undefined>)[entry.resource];
  const method = resource?.[entry.method];
  return typeof method === 'function' ? (method.bind(resource) as Method) : undefined;
}

/** A value per path parameter, and the operation's first documented request example, if it takes a body. */
function argumentsFor(op: OperationModel): { pathValues: Array<string | number>; body: unknown } {
  const pathValues = op.pathParams.map((p) => (p.type === 'integer' ? 12345 : 'abc123-def'));
  return { pathValues, body: op.example.body };
}

describe('the resource layer', () => {
  it('has a method for every operation in the bundle', () => {
    const vps = testClient('http://127.0.0.1:9');
    const missing = operations.filter((op) => !methodOf(vps, op.operationId)).map((op) => op.operationId);
    expect(missing).toEqual([]);
    expect(Object.keys(operationMethods).sort()).toEqual(operations.map((op) => op.operationId).sort());
  });

  it('names each method as the operation model does', () => {
    const names = Object.fromEntries(Object.entries(operationMethods).map(([id, m]) => [id, `${m.resource}.${m.method}`]));
    expect(names).toEqual(Object.fromEntries(operations.map((op) => [op.operationId, `${op.resource}.${op.clientMethod}`])));
  });

  it.each(operations.map((op) => [op.operationId, op] as const))(
    '%s sends its method, path and a body the spec accepts',
    async (operationId, op) => {
      const success = op.successStatuses[0] ?? '200';
      const api = await startLoopback((_req, res) => {
        res.writeHead(Number(success), success === '204' ? {} : { 'Content-Type': 'application/json' });
        res.end(success === '204' ? undefined : JSON.stringify({ echo: operationId }));
      });
      const method = methodOf(testClient(api.url), operationId);
      const { pathValues, body } = argumentsFor(op);
      const result = await method?.(...pathValues, ...(body === undefined ? [] : [body]));

      const [request] = api.requests;
      const pathPattern = new RegExp(`^${op.path.replace(/\{[^}]+\}/g, '[^/]+')}(\\?.*)?$`);
      expect(request?.method).toBe(op.method);
      expect(request?.url).toMatch(pathPattern);
      for (const value of pathValues) expect(request?.url).toContain(`/${value}/`);
      expect(result).toEqual(success === '204' ? undefined : { echo: operationId });
      const validateBody = validator.request(operationId);
      if (validateBody) {
        expect(validateBody(JSON.parse(request?.body ?? 'null')), JSON.stringify(validateBody.errors)).toBe(true);
      } else {
        expect(request?.body).toBe('');
      }
    },
  );
});
