// Requests the client's types forbid, forced through with casts, must reach the mock and come back as the right
// typed error. The mock answers an invalid request with the operation's own 400 example and says why in its
// `sl-violations` header; the recording fetch captures both, so each test checks that the request really went out,
// that the mock rejected it for the reason we meant, and which error the client made of it.
import { AuthenticationError, BadRequestError, NotFoundError } from '@vps-org/client';
import { describe, expect, it } from 'vitest';
import { expectedErrorFields, recordingClient } from '../support/client.js';
import { Recorder, type Recording } from '../support/recorder.js';
import { exampleArguments, operation, responseExample } from '../support/spec.js';

const recorder = new Recorder();
const vps = recordingClient(recorder, 'client');
const http = vps.http;

const zone = String(exampleArguments(operation('createDnsZoneRecord')).path.uuid);
const serverId = Number(exampleArguments(operation('startServer')).path.server_id);

/** The rejection of `call`; fails the test if it resolves. */
async function rejection(call: Promise<unknown>): Promise<unknown> {
  return call.then(
    (value) => expect.fail(`resolved with ${JSON.stringify(value)} instead of rejecting`),
    (error: unknown) => error,
  );
}

/** The single request a call sent, and what the mock said about it. */
function lastExchange(from: number): Recording {
  const sent = recorder.since(from);
  expect(sent, 'exactly one request reached the mock').toHaveLength(1);
  return sent[0]!;
}

/** A 400 of `operationId`: BadRequestError carrying the operation's 400 example, for the violation `matches`. */
function expectRejectedFor(error: unknown, exchange: Recording, operationId: string, matches: (v: Recording['violations'][number]) => boolean): void {
  const example = responseExample(operation(operationId), 400).value as Record<string, unknown>;
  expect(exchange.operationId).toBe(operationId);
  expect(exchange.status).toBe(400);
  expect(exchange.violations.filter(matches), `sl-violations: ${JSON.stringify(exchange.violations)}`).not.toEqual([]);
  expect(error).toBeInstanceOf(BadRequestError);
  expect(error).toMatchObject({ status: 400, ...expectedErrorFields(example) });
  expect((error as BadRequestError).body).toEqual(example);
}

const at = (...location: string[]) => (v: Recording['violations'][number]) =>
  location.every((part, i) => v.location[i] === part);

describe('DNS records the types forbid', () => {
  it('an MX record without priority (resource method) -> BadRequestError', async () => {
    const from = recorder.recordings.length;
    const error = await rejection(
      vps.dnsZones.createRecord(zone, { record_type: 'MX', name: '@', value: 'mail.example.com' } as never),
    );
    const exchange = lastExchange(from);
    expect(JSON.parse(exchange.requestBody)).toEqual({ record_type: 'MX', name: '@', value: 'mail.example.com' });
    expectRejectedFor(error, exchange, 'createDnsZoneRecord', (v) => v.code === 'required' && /'priority'/.test(v.message));
  });

  it('an MX record without priority (vps.http) -> BadRequestError', async () => {
    const from = recorder.recordings.length;
    const error = await rejection(
      http.POST('/api/v1/dns-zones/{uuid}/records/', {
        params: { path: { uuid: zone } },
        body: { record_type: 'MX', name: 'mail', value: 'mx.example.com', ttl: 600 } as never,
      }),
    );
    expectRejectedFor(error, lastExchange(from), 'createDnsZoneRecord', (v) => v.code === 'required' && /'priority'/.test(v.message));
  });

  it('an A record whose value is "not-an-ip" -> BadRequestError', async () => {
    const from = recorder.recordings.length;
    const error = await rejection(
      http.POST('/api/v1/dns-zones/{uuid}/records/', {
        params: { path: { uuid: zone } },
        body: { record_type: 'A', name: 'www', value: 'not-an-ip' },
      }),
    );
    const exchange = lastExchange(from);
    expect(JSON.parse(exchange.requestBody)).toMatchObject({ record_type: 'A', value: 'not-an-ip' });
    expectRejectedFor(error, exchange, 'createDnsZoneRecord', (v) => at('request', 'body', 'value')(v) && /ipv4/.test(v.message));
  });

  it('an unknown record type -> BadRequestError', async () => {
    const from = recorder.recordings.length;
    const error = await rejection(
      http.POST('/api/v1/dns-zones/{uuid}/records/', {
        params: { path: { uuid: zone } },
        body: { record_type: 'SPF', name: '@', value: 'v=spf1 -all' } as never,
      }),
    );
    const exchange = lastExchange(from);
    // Every branch of the record union rejects it on record_type, so none matches.
    expectRejectedFor(error, exchange, 'createDnsZoneRecord', at('request', 'body', 'record_type'));
    expect(exchange.violations.some((v) => v.code === 'oneOf')).toBe(true);
  });

  it('an unknown record type through PUT on a record (resource method) -> BadRequestError', async () => {
    const uuid = String(exampleArguments(operation('updateDnsRecord')).path.uuid);
    const from = recorder.recordings.length;
    const error = await rejection(
      vps.dnsRecords.update(uuid, { record_type: 'SPF', name: '@', value: 'v=spf1 -all' } as never),
    );
    expectRejectedFor(error, lastExchange(from), 'updateDnsRecord', at('request', 'body', 'record_type'));
  });
});

describe('servers the types forbid', () => {
  it('a server created without plan_id -> BadRequestError', async () => {
    const { plan_id, ...withoutPlan } = exampleArguments(operation('createServer')).body as Record<string, unknown>;
    expect(plan_id, 'the request example has a plan_id to remove').toBeDefined();
    const from = recorder.recordings.length;
    const error = await rejection(vps.servers.create(withoutPlan as never));
    const exchange = lastExchange(from);
    expect(JSON.parse(exchange.requestBody)).not.toHaveProperty('plan_id');
    expectRejectedFor(error, exchange, 'createServer', (v) => v.code === 'required' && /'plan_id'/.test(v.message));
  });

  it('a bad status filter on listServers (vps.http) -> BadRequestError', async () => {
    const from = recorder.recordings.length;
    const error = await rejection(
      http.GET('/api/v1/servers/', { params: { query: { status: 'deleted' as never } } }),
    );
    const exchange = lastExchange(from);
    expect(new URL(exchange.url).searchParams.get('status')).toBe('deleted');
    expectRejectedFor(error, exchange, 'listServers', at('request', 'query', 'status'));
  });

  it('a bad status filter on listServers (resource method) -> BadRequestError', async () => {
    const from = recorder.recordings.length;
    const error = await rejection(vps.servers.list({ status: 'running' } as never));
    expectRejectedFor(error, lastExchange(from), 'listServers', at('request', 'query', 'status'));
  });

  // The resource methods refuse a non-integer server id before sending (VpsParameterError, tested in the client);
  // vps.http sends it as it is. A malformed id matches no route of the real API (Django's typed URL patterns): the
  // mock's front answers the operation's documented 404 before Prism sees the request, as the real API does.
  it('a non-integer server id on startServer (vps.http) -> NotFoundError with the 404 example', async () => {
    const from = recorder.recordings.length;
    const error = await rejection(http.POST('/api/v1/servers/{server_id}/start/', { params: { path: { server_id: 'web-01' as never } } }));
    const exchange = lastExchange(from);
    expect(exchange.pathname).toBe('/api/v1/servers/web-01/start/');
    expectNotFound(error, exchange, 'startServer');
  });

  it('a non-integer server id on updateServer (vps.http) -> NotFoundError with the 404 example', async () => {
    const body = exampleArguments(operation('updateServer')).body as never;
    const from = recorder.recordings.length;
    const error = await rejection(
      http.PUT('/api/v1/servers/{server_id}/', { params: { path: { server_id: '12.5' as never } }, body }),
    );
    expectNotFound(error, lastExchange(from), 'updateServer');
  });
});

/** The operation's documented 404, with its example, for a malformed id. */
function expectNotFound(error: unknown, exchange: Recording, operationId: string): void {
  const example = responseExample(operation(operationId), 404).value as Record<string, unknown>;
  expect(exchange.operationId).toBe(operationId);
  expect(exchange.status).toBe(404);
  expect(error).toBeInstanceOf(NotFoundError);
  expect(error).toMatchObject({ status: 404, ...expectedErrorFields(example) });
  expect((error as NotFoundError).body).toEqual(example);
}

describe('authentication', () => {
  /** The request the client built, minus its Authorization header (or with another one). */
  const withAuthorization = (value: string | undefined) => (request: Request) => {
    const headers = new Headers(request.headers);
    if (value === undefined) headers.delete('authorization');
    else headers.set('authorization', value);
    return new Request(request, { headers });
  };

  it('a request with no Authorization header -> 401 AuthenticationError with the 401 example', async () => {
    const anonymous = recordingClient(recorder, 'client', { rewrite: withAuthorization(undefined) });
    const from = recorder.recordings.length;
    const error = await rejection(anonymous.servers.get(serverId));
    const exchange = lastExchange(from);
    expect(exchange.authorization).toBeNull();
    expect(exchange.prefer).toBeNull();
    expect(exchange.status).toBe(401);
    const example = responseExample(operation('getServer'), 401).value as Record<string, unknown>;
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ status: 401, ...expectedErrorFields(example), method: 'GET' });
    expect((error as AuthenticationError).body).toEqual(example);
  });

  it('a non-bearer Authorization header (vps.http) -> 401 AuthenticationError', async () => {
    const basic = recordingClient(recorder, 'client', { rewrite: withAuthorization(`Basic ${btoa('user:pass')}`) });
    const from = recorder.recordings.length;
    const error = await rejection(basic.http.GET('/api/v1/dns-zones/', {}));
    expect(lastExchange(from)).toMatchObject({ status: 401, authorization: expect.stringMatching(/^Basic /) });
    expect(error).toBeInstanceOf(AuthenticationError);
  });

  it('control: the same call with the client\'s own header succeeds', async () => {
    const from = recorder.recordings.length;
    await expect(vps.servers.get(serverId)).resolves.toMatchObject({ id: serverId });
    expect(lastExchange(from)).toMatchObject({ status: 200, authorization: expect.stringMatching(/^Bearer vps_/) });
  });
});

describe('an operation that documents no 400', () => {
  // getServer documents 200, 401 and 404 only: a non-integer id gets its 404, never an undocumented status.
  it('getServer with a non-integer id -> NotFoundError 404, a status the operation documents', async () => {
    const own = new Recorder();
    const client = recordingClient(own, 'undocumented');
    // Through vps.http: the resource method refuses a non-integer id before sending it.
    const error = await rejection(client.http.GET('/api/v1/servers/{server_id}/', { params: { path: { server_id: 'web-01' as never } } }));
    expect(own.recordings).toHaveLength(1);
    expectNotFound(error, own.recordings[0]!, 'getServer');
    expect(own.recordings[0]?.contentType).toMatch(/^application\/json/);
    expect(own.problems()).toEqual([]);
  });
});

// Last in the file: it reads what the tests above received.
it('every response above is a documented status of its operation, with a body that matches its schema', () => {
  expect(recorder.recordings.length).toBeGreaterThan(0);
  expect(recorder.problems()).toEqual([]);
});
