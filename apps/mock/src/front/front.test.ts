// The front before Prism, in both modes, against a real Prism over loopback: what Prism would hang on, fail on or
// answer with its own problem documents gets the API's answer, and none of it stalls the mock.
import { createSpecValidator, namedExamples } from '@vps-org/openapi';
import { describe, expect, it } from 'vitest';
import { defaultSpecPath, startMock } from '../index.js';
import { bundledRoutes } from '../routes.js';
import { call, MODES, mockPerSuite, TOKEN } from '../test-support.js';
import { MAX_BODY_BYTES } from './front-server.js';
import type { ViolationReport } from '../index.js';

const routes = bundledRoutes();
const validator = createSpecValidator(routes.spec);
const errorBody = validator.schema('ApiErrorBody');
const zonesPath = '/api/v1/dns-zones/';

/** A POST of raw bytes (not JSON.stringify'd) to the mock. */
async function postRaw(url: string, body: BodyInit, extra = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body,
    ...extra,
  });
  const text = await response.text();
  return { status: response.status, json: JSON.parse(text) };
}

/** A body of `size` bytes, sent as a stream, so that no Content-Length announces its size. */
function streamOf(size: number) {
  const chunk = new Uint8Array(64 * 1024).fill(0x20);
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= size) return controller.close();
      controller.enqueue(chunk);
      sent += chunk.length;
    },
  });
}

describe.each(MODES)('the front (%s mode)', (_mode, stateful) => {
  const started = mockPerSuite({ stateful, transitionMs: 0 });

  it('answers a malformed JSON body with the API’s 400 instead of never answering', async () => {
    const res = await postRaw(started().url + zonesPath, '{"domain":');
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ error_code: 'parse_error', field: null });
    expect(errorBody(res.json)).toBe(true);
  });

  it('answers JSON nested 100,000 deep with 400, and stays up', async () => {
    const res = await postRaw(started().url + zonesPath, `${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    expect(res.status).toBe(400);
    expect(res.json.detail).toMatch(/nesting deeper than/);
    expect((await call(started().url, zonesPath)).status).toBe(200);
  });

  it('answers a body over 1 MB with 413, whether its size is announced or streamed', async () => {
    const announced = await postRaw(started().url + zonesPath, 'x'.repeat(MAX_BODY_BYTES + 1));
    expect(announced).toEqual({ status: 413, json: expect.objectContaining({ error_code: 'request_too_large', field: null }) });
    const streamed = await postRaw(started().url + zonesPath, streamOf(8 * MAX_BODY_BYTES), { duplex: 'half' });
    expect(streamed.status).toBe(413);
    expect(errorBody(streamed.json)).toBe(true);
  });

  it('answers 200 concurrent oversized POSTs with 413 while other requests are still answered', async () => {
    const big = 'x'.repeat(MAX_BODY_BYTES + 1024);
    const floods = Array.from({ length: 200 }, () => postRaw(started().url + zonesPath, big));
    const meanwhile = await call(started().url, zonesPath);
    expect(meanwhile.status).toBe(200);
    const statuses = (await Promise.all(floods)).map((r) => r.status);
    expect(new Set(statuses)).toEqual(new Set([413]));
  });

  it('answers 200 concurrent POSTs of bodies just under 1 MB, and other requests while they are in flight', async () => {
    // Valid JSON that the spec's schema refuses (a domain far over any bound), or accepts where the schema is open:
    // either way Prism must not be left to spend a second on each, all at once.
    // Encoded once and shared, so that the test's own client does not spend the CPU the mock is being tested on.
    const padded = new TextEncoder().encode(JSON.stringify({ domain: `${'x'.repeat(MAX_BODY_BYTES - 100)}.example` }));
    const floods = Array.from({ length: 200 }, () => postRaw(started().url + zonesPath, padded));
    const meanwhile = await call(started().url, zonesPath);
    expect(meanwhile.status, meanwhile.text).toBe(200);
    const answers = await Promise.all(floods);
    expect(new Set(answers.map((r) => r.status))).toEqual(new Set([400]));
    for (const r of answers) expect(r.json).toMatchObject({ field: 'domain' });
  });

  it('answers a malformed id of every operation with a path parameter with its documented 404 example', async () => {
    const withIds = routes.operations.filter((op) => op.pathParams.length > 0);
    expect(withIds.length).toBeGreaterThan(0);
    for (const op of withIds) {
      for (const bad of op.pathParams[0]?.type === 'integer' ? ['abc', '0', '-3', '1e3'] : ['not_a_uuid!', '%20']) {
        const path = op.path.replace(/\{[^}]+\}/, encodeURIComponent(bad).replace('%2520', '%20'));
        const res = await call(started().url, path, { method: op.method, body: op.requestBody ? op.example.body : undefined });
        expect(res.status, `${op.operationId} ${path}`).toBe(404);
        expect(res.json).toEqual(routes.errorBody(op, 404, { detail: '' }));
      }
    }
  });

  it('answers a request without a bearer token with the operation’s 401 example', async () => {
    const res = await call(started().url, zonesPath, { auth: false });
    expect(res.status).toBe(401);
    expect(res.json).toEqual(namedExamples(routes.spec, routes.get('listDnsZones'), 401).ErrorInvalidToken);
  });
});

describe('the front in stateful mode', () => {
  const started = mockPerSuite({ stateful: true, transitionMs: 0 });

  it('turns the 422 Prism answers an invalid request with into the API’s 400 naming the field', async () => {
    const wrongType = await call(started().url, zonesPath, { method: 'POST', body: { domain: 5 } });
    expect(wrongType).toMatchObject({ status: 400, json: { error_code: 'validation_error', field: 'domain' } });
    const badPage = await call(started().url, '/api/v1/servers/?page=first');
    expect(badPage).toMatchObject({ status: 400, json: { field: 'page' } });

    const zone = await call(started().url, zonesPath, { method: 'POST', body: { domain: 'front.example' } });
    const mx = await call(started().url, `${zonesPath}${zone.json.uuid}/records/`, {
      method: 'POST',
      body: { record_type: 'MX', name: '@', value: 'mail.front.example' },
    });
    expect(mx).toMatchObject({ status: 400, json: { detail: 'MX records require a priority value', field: 'priority' } });
    // Refused by Prism, so the fake never saw it.
    expect((await call(started().url, `${zonesPath}${zone.json.uuid}/records/`)).json).toEqual([]);
    expect(started().violations).toEqual([]);
  });

  it('routes POST /_mock/reset to the fake, outside /api/', async () => {
    await call(started().url, zonesPath, { method: 'POST', body: { domain: 'reset.example' } });
    expect((await call(started().url, zonesPath)).json.length).toBeGreaterThan(0);
    expect((await call(started().url, '/_mock/reset', { method: 'POST' })).status).toBe(204);
    expect((await call(started().url, zonesPath)).json).toEqual([]);
  });
});

describe('the front with another spec than the bundle', () => {
  it('makes only the checks that need no spec, and still answers Prism’s refusals as the API does', async () => {
    const mock = await startMock({ spec: defaultSpecPath() });
    try {
      expect((await postRaw(mock.url + zonesPath, '{"domain":')).status).toBe(400);
      // No operation model here: Prism refuses the malformed id (422), and the front makes it a 404.
      const res = await call(mock.url, '/api/v1/servers/abc/');
      expect(res).toEqual({ status: 404, json: expect.objectContaining({ error_code: 'not_found' }), headers: res.headers, text: res.text });
      expect(errorBody(res.json)).toBe(true);
    } finally {
      await mock.stop();
    }
  });
});

describe('an answer that violates the spec', () => {
  it('fails loudly: a 500 with the findings, onViolation called, and the report kept in mock.violations', async () => {
    const seen: ViolationReport[] = [];
    // A fake with a bug: its zone list lacks every required field.
    const broken = async () => new Response('[{"uuid":7}]', { status: 200, headers: { 'content-type': 'application/json' } });
    const mock = await startMock({ stateful: true, handler: broken, onViolation: (report) => seen.push(report) });
    try {
      const res = await call(mock.url, zonesPath);
      expect(res.status).toBe(500);
      expect(res.json).toMatchObject({ error_code: 'mock_violation', field: null });
      expect(res.json.detail).toMatch(/violates the spec: .*uuid/);
      expect(seen).toHaveLength(1);
      expect(seen[0]).toMatchObject({ method: 'GET', path: zonesPath, status: 500 });
      expect(mock.violations).toEqual(seen);
    } finally {
      await mock.stop();
    }
  });
});
