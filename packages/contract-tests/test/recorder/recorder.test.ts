// The recording fetch must be able to fail: against a node:http server that answers like a drifted API, it flags
// a body that breaks its schema, an undocumented status, a wrong content type, a non-JSON body and an unknown path
// (and a body on a 204), and passes the spec's own example.
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createVpsClient } from '@vps-org/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN } from '../support/client.js';
import { checkResponse, Recorder } from '../support/recorder.js';
import { operation, responseExample } from '../support/spec.js';

const serverExample = responseExample(operation('getServer'), 200).value as Record<string, unknown>;

/** What the fake API answers, by request path. */
const answers: Record<string, { status: number; type?: string; body?: string }> = {
  '/api/v1/servers/1/': { status: 200, type: 'application/json', body: JSON.stringify(serverExample) },
  '/api/v1/servers/2/': { status: 200, type: 'application/json', body: JSON.stringify({ ...serverExample, status: 'running' }) },
  '/api/v1/servers/3/': { status: 200, type: 'application/json', body: JSON.stringify({ ...serverExample, id: undefined }) },
  '/api/v1/servers/4/': { status: 418, type: 'application/json', body: JSON.stringify({ detail: 'teapot' }) },
  '/api/v1/servers/5/': { status: 200, type: 'text/plain', body: JSON.stringify(serverExample) },
  '/api/v1/servers/6/': { status: 200, type: 'application/json', body: '{"id": 6,' },
  '/api/v1/not-in-the-spec/': { status: 200, type: 'application/json', body: '{}' },
};

let server: Server;
let baseUrl: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    const answer = answers[req.url ?? ''] ?? { status: 599 };
    res.writeHead(answer.status, answer.type ? { 'Content-Type': answer.type } : {});
    res.end(answer.body ?? '');
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
});

async function problemsOf(call: (vps: ReturnType<typeof createVpsClient>) => Promise<unknown>): Promise<string[]> {
  const recorder = new Recorder();
  const vps = createVpsClient({ token: TOKEN, baseUrl, fetch: recorder.fetch('self-test'), maxRetries: 0 });
  await call(vps).catch(() => undefined);
  expect(recorder.recordings).toHaveLength(1);
  return recorder.problems();
}

describe('the recording fetch', () => {
  it('passes the spec example of getServer 200', async () => {
    expect(await problemsOf((vps) => vps.servers.get(1))).toEqual([]);
  });

  it('flags a status outside the enum', async () => {
    expect(await problemsOf((vps) => vps.servers.get(2))).toEqual([expect.stringMatching(/getServer 200: body\/status must be equal to one of the allowed values/)]);
  });

  it('flags a missing required property', async () => {
    expect(await problemsOf((vps) => vps.servers.get(3))).toEqual([expect.stringMatching(/getServer 200: body must have required property 'id'/)]);
  });

  it('flags a status the operation does not document', async () => {
    expect(await problemsOf((vps) => vps.servers.get(4))).toEqual([expect.stringMatching(/getServer answered 418, which the spec does not document/)]);
  });

  it('flags a JSON body served as another content type', async () => {
    expect(await problemsOf((vps) => vps.servers.get(5))).toEqual([expect.stringMatching(/content-type is text\/plain/)]);
  });

  it('flags a body that is not JSON', async () => {
    expect(await problemsOf((vps) => vps.servers.get(6))).toEqual([expect.stringMatching(/the body is not JSON/)]);
  });

  it('flags a body on a 204 (checked directly: node:http will not send one)', () => {
    expect(checkResponse('DELETE', '/api/v1/dns-records/rec-1/', 204, 'application/json', '{}').problems).toEqual([
      expect.stringMatching(/deleteDnsRecord 204 documents no body/),
    ]);
    expect(checkResponse('DELETE', '/api/v1/dns-records/rec-1/', 204, null, '').problems).toEqual([]);
  });

  it('flags a path no operation has', async () => {
    const problems = await problemsOf((vps) => (vps.http as unknown as { GET(path: string, init: object): Promise<unknown> }).GET('/api/v1/not-in-the-spec/', {}));
    expect(problems).toEqual([expect.stringMatching(/no operation of the spec is GET \/api\/v1\/not-in-the-spec\//)]);
  });
});
