// `.withResponse()` on every resource method, as Stainless SDKs have it: the body, the Response and its request id.
import { describe, expect, it } from 'vitest';
import { operationMethods } from '../generated/operations.js';
import { NotFoundError } from '../core/errors/api-errors.js';
import type { WithResponse } from '../core/api-promise.js';
import { sendJson, startLoopback, testClient } from '../testing/loopback.js';

type Method = (...args: unknown[]) => Promise<unknown> & { withResponse(): Promise<WithResponse<unknown>> };

/** The arguments of a method before its options: its path parameters, then a body (or no query). */
function argsFor(method: Method, httpMethod: string, path: string): unknown[] {
  const params = [...path.matchAll(/\{([^}]+)\}/g)].map(([, name]) => (name === 'server_id' ? 42 : 'abc-123'));
  const rest = Array(method.length - 1 - params.length).fill(httpMethod === 'GET' ? undefined : {});
  return [...params, ...rest];
}

describe('withResponse()', () => {
  it.each(Object.entries(operationMethods))('%s gives the body, the response and the request id', async (_id, op) => {
    const api = await startLoopback((req, res) => sendJson(res, 200, { echoed: req.url }, { 'X-Request-Id': `req-${req.method}` }));
    const vps = testClient(api.url);
    const resource = vps[op.resource] as unknown as Record<string, Method>;
    const method = resource[op.method]!.bind(resource) as Method;
    const args = argsFor(resource[op.method]!, op.httpMethod, op.path);
    const { data, response, requestId } = await method(...args).withResponse();
    const sentPath = op.path.replace('{server_id}', '42').replace('{uuid}', 'abc-123');
    expect(data).toEqual({ echoed: sentPath });
    expect(response).toBeInstanceOf(Response);
    expect(response.status).toBe(200);
    expect(requestId).toBe(`req-${op.httpMethod}`);
    expect(api.requests.map((r) => `${r.method} ${r.url}`)).toEqual([`${op.httpMethod} ${sentPath}`]);
  });

  it('sends one request whether the call is awaited, withResponse() is, or both', async () => {
    const api = await startLoopback((_req, res) => sendJson(res, 200, { id: 1, status: 'active' }));
    const call = testClient(api.url).servers.get(1);
    const [data, withResponse] = await Promise.all([call, call.withResponse()]);
    expect(withResponse.data).toBe(data);
    expect(api.requests).toHaveLength(1);
  });

  it('rejects with the same typed error as the call', async () => {
    const api = await startLoopback((_req, res) => sendJson(res, 404, { detail: 'Not found.' }, { 'X-Request-Id': 'req-404' }));
    const error = await testClient(api.url).servers.get(1).withResponse().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ requestId: 'req-404' });
  });

  it('rejects a bad path parameter before sending, as a rejection rather than a throw', async () => {
    const api = await startLoopback((_req, res) => sendJson(res, 200, {}));
    const call = testClient(api.url).dnsZones.get('..');
    await expect(call.withResponse()).rejects.toMatchObject({ name: 'VpsParameterError', parameter: 'uuid' });
    await expect(call).rejects.toMatchObject({ name: 'VpsParameterError' });
    expect(api.requests).toHaveLength(0);
  });
});
