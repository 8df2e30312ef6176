import { describe, expect, it } from 'vitest';
import { VpsInvalidResponseError } from './errors/transport-errors.js';
import { startLoopback, testClient } from '../testing/loopback.js';

describe('a 2xx that is not JSON', () => {
  it.each([
    ['an HTML page', '<html><body>Maintenance</body></html>', /with a body that is not JSON/],
    ['a truncated body', '{"id": 12345, "name": "web-', /with a body that is not JSON/],
    ['an empty chunked body', '', /with an empty body/],
  ])('rejects %s with VpsInvalidResponseError naming the request', async (_what, body, message) => {
    const api = await startLoopback((_req, res) => {
      res.writeHead(200, { 'Content-Type': body.startsWith('<') ? 'text/html' : 'application/json' });
      if (body) res.write(body);
      res.end();
    });
    const error = await testClient(api.url).servers.get(7).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VpsInvalidResponseError);
    expect(error).toMatchObject({ status: 200, method: 'GET', path: '/api/v1/servers/7/', body });
    expect((error as Error).message).toMatch(/^GET \/api\/v1\/servers\/7\/ answered 200/);
    expect((error as Error).message).toMatch(message);
  });

  it('still resolves a 204 with undefined', async () => {
    const api = await startLoopback((_req, res) => {
      res.writeHead(204);
      res.end();
    });
    await expect(testClient(api.url).servers.delete(7)).resolves.toBeUndefined();
  });
});
