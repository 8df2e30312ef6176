import { describe, expect, it } from 'vitest';
import * as errors from './api-errors.js';
import { example } from '../../testing/fixtures.js';
import { VpsError } from './vps-error.js';
import { sendJson, startLoopback, testClient } from '../../testing/loopback.js';

describe('error responses', () => {
  it('maps a 404 with the API error body to NotFoundError and its fields', async () => {
    const api = await startLoopback((_req, res) =>
      sendJson(res, 404, example('ErrorServerNotFound'), { 'X-Request-Id': 'req-7f3a' }),
    );
    const error = await testClient(api.url).servers.get(99).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(errors.NotFoundError);
    expect(error).toBeInstanceOf(errors.VpsApiError);
    expect(error).toMatchObject({
      name: 'NotFoundError',
      status: 404,
      detail: 'Server not found.',
      errorCode: 'not_found',
      field: undefined,
      method: 'GET',
      path: '/api/v1/servers/99/',
      requestId: 'req-7f3a',
      body: { detail: 'Server not found.', error_code: 'not_found', field: null },
    });
    expect((error as Error).message).toBe('404 Not Found: Server not found. [not_found] (GET /api/v1/servers/99/)');
  });

  it('keeps the field a validation error is about', async () => {
    const api = await startLoopback((_req, res) => sendJson(res, 400, example('ErrorMxPriority')));
    const error = await testClient(api.url)
      .dnsZones.createRecord('abc123', { record_type: 'MX', name: '@', value: 'mail.example.com', priority: 10 })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(errors.BadRequestError);
    expect(error).toMatchObject({ field: 'priority', errorCode: 'validation_error', method: 'POST' });
    expect((error as Error).message).toContain('MX records require a priority value [validation_error, field: priority]');
  });

  it.each([
    [400, errors.BadRequestError],
    [401, errors.AuthenticationError],
    [402, errors.PaymentRequiredError],
    [403, errors.PermissionDeniedError],
    [404, errors.NotFoundError],
    [429, errors.RateLimitError],
    [500, errors.InternalServerError],
    [503, errors.InternalServerError],
    [409, errors.VpsApiError],
    [422, errors.VpsApiError],
  ])('maps status %i to %o', async (status, ErrorClass) => {
    const api = await startLoopback((_req, res) => sendJson(res, status, { detail: `status ${status}` }));
    const error = await testClient(api.url, { maxRetries: 0 }).dnsZones.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toMatchObject({ status, detail: `status ${status}`, name: ErrorClass.name });
    expect((error as Error).constructor).toBe(ErrorClass);
  });

  it('gives an empty-body 500 its class, with no detail and no body', async () => {
    const api = await startLoopback((_req, res) => {
      res.writeHead(500);
      res.end();
    });
    const error = await testClient(api.url).servers.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(errors.InternalServerError);
    expect(error).toMatchObject({ status: 500, detail: undefined, errorCode: undefined, body: undefined });
    expect((error as Error).message).toBe('500 Internal Server Error (GET /api/v1/servers/)');
    expect(api.requests).toHaveLength(1); // 500 is not one of the retried statuses
  });

  it('branches on the status when an error body is empty: a bodiless 404 is still NotFoundError', async () => {
    const api = await startLoopback((_req, res) => {
      res.writeHead(404, { 'Content-Length': '0' });
      res.end();
    });
    const error = await testClient(api.url).dnsRecords.delete('rec-001').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(errors.NotFoundError);
    expect(error).toMatchObject({ status: 404, body: undefined, method: 'DELETE' });
  });

  it('keeps the HTML page of a 502 from a proxy as the raw body', async () => {
    const html = '<html><body><h1>502 Bad Gateway</h1></body></html>';
    const api = await startLoopback((_req, res) => {
      res.writeHead(502, { 'Content-Type': 'text/html' });
      res.end(html);
    });
    const error = await testClient(api.url, { maxRetries: 0 }).servers.get(1).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(errors.InternalServerError);
    expect(error).toMatchObject({ status: 502, detail: undefined, body: html });
    expect((error as Error).message).toBe('502 Bad Gateway (GET /api/v1/servers/1/)');
  });

  it('reads Retry-After into RateLimitError.retryAfter, in seconds', async () => {
    const api = await startLoopback((_req, res) => sendJson(res, 429, { detail: 'Slow down.' }, { 'Retry-After': '17' }));
    const error = await testClient(api.url, { maxRetries: 0 }).servers.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(errors.RateLimitError);
    expect((error as errors.RateLimitError).retryAfter).toBe(17);
  });

  it('throws the same typed errors from vps.http', async () => {
    const api = await startLoopback((_req, res) => sendJson(res, 403, example('ErrorMissingPermission')));
    const vps = testClient(api.url);
    const error = await vps.http
      .GET('/api/v1/dns-zones/{uuid}/', { params: { path: { uuid: 'abc123' } } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(errors.PermissionDeniedError);
    expect(error).toMatchObject({ errorCode: 'permission_denied', path: '/api/v1/dns-zones/abc123/' });
  });
});

describe('one hierarchy', () => {
  it('every error class the package exports extends VpsError', async () => {
    const exported = Object.entries(await import('../../index.js')).filter(([name]) => name.endsWith('Error'));
    expect(exported.map(([name]) => name).sort()).toEqual([
      'AuthenticationError',
      'BadRequestError',
      'InternalServerError',
      'NotFoundError',
      'PaymentRequiredError',
      'PermissionDeniedError',
      'RateLimitError',
      'VpsApiError',
      'VpsConfigError',
      'VpsConnectionError',
      'VpsError',
      'VpsInvalidResponseError',
      'VpsPaginationError',
      'VpsParameterError',
      'VpsRedirectError',
      'VpsRequestError',
      'VpsTimeoutError',
      'VpsWaiterError',
    ]);
    for (const [name, value] of exported) {
      expect(typeof value, name).toBe('function');
      if (value !== VpsError) expect((value as { prototype: unknown }).prototype, name).toBeInstanceOf(VpsError);
    }
  });
});
