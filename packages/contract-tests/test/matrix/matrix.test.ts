// Every operation x every status the bundle documents, through the resource methods and through `vps.http`, with
// `Prefer: code=NNN`. Arguments come from the spec's examples; the expected answer is the status's default example.
// Every response is validated against the spec by the recording fetch, and the last test of this file checks from
// those recordings (not from the plan) that every documented pair was actually received, through both.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { VpsApiError } from '@vps-org/client';
import { describe, expect, it } from 'vitest';
import { errorClassFor, expectedErrorFields, looseHttp, recordingClient } from '../support/client.js';
import { Recorder, type Recording } from '../support/recorder.js';
import { documentedPairs, exampleArguments, fillPath, responseExample, type SpecOperation } from '../support/spec.js';

const recorder = new Recorder();
// One request per pair: the client retries 429 and 503 (honouring Retry-After), which would send more than one.
const vps = recordingClient(recorder, 'resources', { maxRetries: 0 });
const viaHttp = looseHttp(recordingClient(recorder, 'http', { maxRetries: 0 }));

const cases = documentedPairs.map(({ op, status }) => [`${op.operationId} ${status}`, op, status] as const);

/** The one request a call sent, checked against what the test meant to send. */
function expectSent(from: number, channel: string, op: SpecOperation, status: number): Recording {
  const sent = recorder.since(from, channel);
  expect(sent.map((r) => `${r.method} ${r.operationId} ${r.status}`)).toEqual([`${op.method} ${op.operationId} ${status}`]);
  const [recording] = sent as [Recording];
  const args = exampleArguments(op);
  expect(recording.pathname).toBe(fillPath(op.path, args.path));
  expect(Object.fromEntries(new URL(recording.url).searchParams)).toEqual(
    Object.fromEntries(Object.entries(args.query ?? {}).map(([k, v]) => [k, String(v)])),
  );
  expect(recording.requestBody === '' ? undefined : JSON.parse(recording.requestBody)).toEqual(args.body);
  expect(recording.prefer).toBe(`code=${status}`);
  return recording;
}

/** Checks a rejection against the status's example: class by status, typed fields and the raw body. */
function expectApiError(error: unknown, op: SpecOperation, status: number): void {
  const expected = responseExample(op, status);
  const ErrorClass = errorClassFor(status);
  expect(error, `${op.operationId} ${status} should reject with ${ErrorClass.name}`).toBeInstanceOf(VpsApiError);
  expect((error as Error).constructor).toBe(ErrorClass);
  expect(error).toMatchObject({
    name: ErrorClass.name,
    status,
    ...expectedErrorFields(expected.value as Record<string, unknown>),
    method: op.method,
    path: fillPath(op.path, exampleArguments(op).path),
  });
  expect((error as VpsApiError).body).toEqual(expected.value);
}

describe('every documented operation x status through the resource methods', () => {
  it.each(cases)('%s', async (_name, op, status) => {
    const { resource, clientMethod: method } = op;
    const target = (vps as unknown as Record<string, Record<string, unknown> | undefined>)[resource];
    expect(target, `vps.${resource} (tag "${op.tag}") is missing`).toBeTypeOf('object');
    const fn = target?.[method];
    expect(fn, `vps.${resource}.${method} (operation ${op.operationId}) is missing`).toBeTypeOf('function');

    const args = exampleArguments(op);
    if (args.body !== undefined && args.query !== undefined) {
      throw new Error(`${op.operationId} takes both a body and a query: a resource method takes the body or the query object, not both`);
    }
    const second = args.body !== undefined ? [args.body] : args.query !== undefined ? [args.query] : [];
    const options = { headers: { Prefer: `code=${status}` } };
    const from = recorder.recordings.length;
    const outcome = await (fn as (...a: unknown[]) => Promise<unknown>)
      .call(target, ...args.pathValues, ...second, options)
      .then(
        (value) => ({ ok: true as const, value }),
        (error: unknown) => ({ ok: false as const, error }),
      );

    const expected = responseExample(op, status);
    if (status >= 200 && status < 300) {
      if (!outcome.ok) throw outcome.error;
      if (expected.hasBody) expect(outcome.value).toEqual(expected.value);
      else expect(outcome.value).toBeUndefined();
    } else {
      expect(outcome.ok, `${op.operationId} ${status} resolved instead of rejecting`).toBe(false);
      if (!outcome.ok) expectApiError(outcome.error, op, status);
    }
    expectSent(from, 'resources', op, status);
  });
});

describe('every documented operation x status through vps.http', () => {
  it.each(cases)('%s', async (_name, op, status) => {
    const args = exampleArguments(op);
    const send = viaHttp[op.method as keyof typeof viaHttp];
    expect(send, `vps.http.${op.method}`).toBeTypeOf('function');
    const from = recorder.recordings.length;
    const outcome = await send(op.path, {
      params: { path: args.path, ...(args.query && { query: args.query }) },
      ...(args.body !== undefined && { body: args.body }),
      headers: { Prefer: `code=${status}` },
    }).then(
      (value) => ({ ok: true as const, value }),
      (error: unknown) => ({ ok: false as const, error }),
    );

    const expected = responseExample(op, status);
    if (status >= 200 && status < 300) {
      if (!outcome.ok) throw outcome.error;
      const { data, error, response } = outcome.value;
      expect(response.status).toBe(status);
      expect(error).toBeUndefined();
      if (expected.hasBody) expect(data).toEqual(expected.value);
      else expect(data).toBeUndefined();
    } else {
      // The client's error middleware makes `vps.http` throw the same typed errors as the resource methods,
      // rather than return openapi-fetch's `{ error, response }` (see the client's errors.test.ts).
      expect(outcome.ok, `vps.http.${op.method} ${op.path} with ${status} resolved instead of rejecting`).toBe(false);
      if (!outcome.ok) expectApiError(outcome.error, op, status);
    }
    expectSent(from, 'http', op, status);
  });
});

describe('the contract as a whole', () => {
  it('every response the client received conforms to the spec (documented status, schema of that status)', () => {
    expect(recorder.recordings.length).toBeGreaterThan(0);
    expect(recorder.problems()).toEqual([]);
  });

  // Last in the file on purpose: it reads what the two matrices above actually received.
  it('coverage: every (operation, status) of the bundle was received through the resource methods and vps.http', () => {
    const require = createRequire(import.meta.url);
    const bundle = JSON.parse(readFileSync(require.resolve('@vps-org/openapi/openapi.json'), 'utf8')) as {
      paths: Record<string, Record<string, { operationId?: string; responses?: Record<string, unknown> }>>;
    };
    const methods = new Set(['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace']);
    const documented: string[] = [];
    for (const [path, item] of Object.entries(bundle.paths)) {
      for (const [method, op] of Object.entries(item)) {
        if (!methods.has(method)) continue;
        for (const status of Object.keys(op.responses ?? {})) documented.push(`${method.toUpperCase()} ${path} ${op.operationId} ${status}`);
      }
    }
    expect(documented.length).toBeGreaterThan(0);

    for (const channel of ['resources', 'http']) {
      const received = new Set(
        recorder.recordings
          .filter((r) => r.channel === channel && r.operationId !== undefined)
          .map((r) => `${r.operationId} ${r.status}`),
      );
      const missing = documented.filter((pair) => !received.has(pair.split(' ').slice(2).join(' ')));
      expect(missing, `not received through ${channel}`).toEqual([]);
    }
  });
});
