// Every TypeScript sample the built page ships, run against the real, built @vps-org/client with a recording fetch:
// it must call a method that exists on createVpsClient() and send exactly the operation model's example call
// (method, path, query and body). The type check proves the sample compiles; this proves it does what the docs say.
import { createVpsClient, type VpsClientOptions } from '@vps-org/client';
import { getOperation, listOperations, loadSpec } from '@vps-org/openapi';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { shippedSamples } from '../build/shipped.js';

const operations = listOperations(loadSpec());
const samples = shippedSamples().map((op) => ({ operationId: op.operationId, source: op.samples.TypeScript! }));
const AsyncFunction = (async () => {}).constructor as new (...args: string[]) => (...values: unknown[]) => Promise<void>;

interface Sent {
  method: string;
  url: string;
  body: string;
}

/** Runs one sample with its import replaced by a client whose fetch records what it is asked to send. */
async function run(source: string): Promise<Sent[]> {
  const sent: Sent[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    sent.push({ method: request.method, url: request.url, body: await request.text() });
    const status = request.method === 'DELETE' ? 204 : 200;
    return new Response(status === 204 ? null : '{}', { status, headers: { 'content-type': 'application/json' } });
  };
  const client = (options: VpsClientOptions) =>
    createVpsClient({ ...options, baseUrl: 'http://samples.test', fetch: fetch as VpsClientOptions['fetch'], maxRetries: 0 });
  const js = ts.transpileModule(source.replace(/^import .*$/m, ''), {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
  }).outputText;
  const quiet = { log: () => undefined };
  await new AsyncFunction('createVpsClient', 'process', 'console', js)(client, { env: { VPS_API_TOKEN: 'vps_samples' } }, quiet);
  return sent;
}

describe('the TypeScript samples, run', () => {
  it('exist for every operation', () => {
    expect(samples.map((s) => s.operationId).sort()).toEqual(operations.map((o) => o.operationId).sort());
  });

  it.each(samples)('$operationId sends the example call of its operation', async ({ operationId, source }) => {
    const op = getOperation(operationId, operations);
    const sent = await run(source);
    expect(sent).toHaveLength(1);
    const [call] = sent as [Sent];
    const url = new URL(call.url);
    expect(call.method).toBe(op.method);
    expect(`${url.pathname}${url.search}`).toBe(op.example.url);
    expect(call.body === '' ? undefined : JSON.parse(call.body)).toEqual(op.example.body);
  });

  it('catch a sample that calls the wrong method or passes the wrong argument', async () => {
    const get = samples.find((s) => s.operationId === 'getServer')!.source;
    await expect(run(get.replace('vps.servers.get(', 'vps.servers.fetch('))).rejects.toThrow(/not a function/);
    const sent = await run(get.replace('(12345)', '(54321)'));
    expect(new URL(sent[0]!.url).pathname).not.toBe(getOperation('getServer', operations).example.url);
  });
});
