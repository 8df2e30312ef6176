import { describe, expectTypeOf, it } from 'vitest';
import {
  createVpsClient,
  listAllServers,
  waitForServer,
  type ApiErrorBody,
  type components,
  type DnsAaaaRecordInput,
  type DnsARecordInput,
  type DnsCaaRecordInput,
  type DnsCnameRecordInput,
  type DnsMxRecordInput,
  type DnsNsRecordInput,
  type DnsTxtRecordInput,
  type DnsRecord,
  type DnsRecordInput,
  type DnsSrvRecordInput,
  type DnsZone,
  type DnsZoneSummary,
  type operations,
  type paths,
  type RateLimitError,
  type Server,
  type ServerCreated,
  type ServerDetail,
  type ServerList,
  type ServerStatus,
  type WithResponse,
} from '../index.js';

const vps = createVpsClient({ token: 'vps_types' });

describe('request types', () => {
  it('rejects an MX or SRV record without priority', () => {
    // @ts-expect-error MX records require a priority
    void vps.dnsZones.createRecord('z', { record_type: 'MX', name: '@', value: 'mail.example.com' });
    // @ts-expect-error SRV records require a priority
    void vps.dnsZones.createRecord('z', { record_type: 'SRV', name: '_sip._tcp', value: '10 5060 sip.example.com' });
    // @ts-expect-error the PUT body is a full record too
    void vps.dnsRecords.update('r', { record_type: 'MX', name: '@', value: 'mail.example.com', ttl: 300 });
  });

  it('rejects an A record with a number value, and an unknown record_type', () => {
    // @ts-expect-error an A record's value is a string
    void vps.dnsZones.createRecord('z', { record_type: 'A', name: 'www', value: 3221225985 });
    // @ts-expect-error PTR is not a record type of the API
    void vps.dnsZones.createRecord('z', { record_type: 'PTR', name: '1', value: 'host.example.com' });
  });

  it('rejects a server without plan_id, and a string server_id', () => {
    // @ts-expect-error plan_id is required
    void vps.servers.create({ name: 'web-1', os_id: 5, location: 'us-west' });
    // @ts-expect-error server ids are numbers
    void vps.servers.get('12345');
    // @ts-expect-error server ids are numbers in waitFor too
    void waitForServer(vps, '12345', 'active');
    // @ts-expect-error not a server status
    void waitForServer(vps, 12345, 'running');
  });

  it('rejects an unknown query key or value', () => {
    // @ts-expect-error the server list has no `region` filter
    void vps.servers.list({ region: 'us-west' });
    // @ts-expect-error the status filter takes active, stopped or suspended only
    void vps.servers.list({ status: 'provisioning' });
    // @ts-expect-error the record list filters by record_type, not type
    void vps.dnsRecords.list({ type: 'MX' });
    // @ts-expect-error nor an unknown request option
    void vps.servers.list({}, { retries: 3 });
  });

  it('accepts the happy paths', () => {
    void vps.dnsZones.createRecord('abc123', { record_type: 'MX', name: '@', value: 'mail.example.com', priority: 10 });
    void vps.dnsZones.createRecord('abc123', { record_type: 'MX', name: '@', value: 'mail.example.com', priority: 0, ttl: 300 });
    void vps.dnsZones.createRecord('abc123', { record_type: 'A', name: 'www', value: '192.0.2.1' });
    void vps.dnsRecords.patch('rec-001', { ttl: 1800 });
    void vps.servers.create({ name: 'web-1', plan_id: 1, os_id: 5, location: 'us-west' });
    void vps.servers.list({ status: 'active', location: 'us-west', page: 2 }, { timeoutMs: 5_000, maxRetries: 0 });
    void vps.servers.get(12345, { signal: AbortSignal.timeout(1_000), headers: { 'X-Trace': '1' } });
  });
});

describe('response types', () => {
  it('returns the models', () => {
    expectTypeOf(vps.servers.list()).resolves.toEqualTypeOf<ServerList>();
    expectTypeOf(vps.servers.get(1)).resolves.toEqualTypeOf<ServerDetail>();
    expectTypeOf(vps.servers.create).returns.resolves.toEqualTypeOf<ServerCreated>();
    expectTypeOf(vps.servers.delete(1)).resolves.toBeVoid();
    expectTypeOf(vps.dnsZones.list()).resolves.toEqualTypeOf<DnsZoneSummary[]>();
    expectTypeOf(vps.dnsZones.get('z')).resolves.toEqualTypeOf<DnsZone>();
    expectTypeOf(vps.dnsZones.listRecords('z')).resolves.toEqualTypeOf<DnsRecord[]>();
    expectTypeOf(waitForServer(vps, 1, 'active')).resolves.toEqualTypeOf<ServerDetail>();
    expectTypeOf(listAllServers(vps)).toEqualTypeOf<AsyncGenerator<Server, void, undefined>>();
    // @ts-expect-error the server list has no `region` filter, in listAllServers either
    void listAllServers(vps, { region: 'us-west' });
  });

  it('narrows a record input on record_type', () => {
    const describeRecord = (record: DnsRecordInput) => {
      // @ts-expect-error only MX and SRV inputs have a priority
      void record.priority;
      if (record.record_type === 'MX') {
        expectTypeOf(record).toEqualTypeOf<DnsMxRecordInput>();
        expectTypeOf(record.priority).toEqualTypeOf<number>();
      } else if (record.record_type === 'SRV') {
        expectTypeOf(record).toEqualTypeOf<DnsSrvRecordInput>();
        expectTypeOf(record.priority).toEqualTypeOf<number>();
      } else if (record.record_type === 'A') {
        expectTypeOf(record).toEqualTypeOf<DnsARecordInput>();
      }
    };
    void describeRecord;
  });

  it('types a returned record priority as number or null', () => {
    expectTypeOf<DnsRecord['priority']>().toEqualTypeOf<number | null>();
  });
});

describe('named types', () => {
  it('exports the models and the generated spec types', () => {
    expectTypeOf<ServerStatus>().toEqualTypeOf<
      'active' | 'provisioning' | 'starting' | 'stopping' | 'rebooting' | 'stopped' | 'suspended'
    >();
    expectTypeOf<DnsRecordInput>().toEqualTypeOf<
      | DnsARecordInput
      | DnsAaaaRecordInput
      | DnsCnameRecordInput
      | DnsMxRecordInput
      | DnsTxtRecordInput
      | DnsNsRecordInput
      | DnsSrvRecordInput
      | DnsCaaRecordInput
    >();
    expectTypeOf<DnsRecordInput['record_type']>().toEqualTypeOf<'A' | 'AAAA' | 'CNAME' | 'MX' | 'TXT' | 'NS' | 'SRV' | 'CAA'>();
    expectTypeOf<ApiErrorBody>().toEqualTypeOf<components['schemas']['ApiErrorBody']>();
    expectTypeOf<ApiErrorBody['field']>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<Server>().toEqualTypeOf<components['schemas']['Server']>();
    expectTypeOf<operations['getServer']['parameters']['path']['server_id']>().toEqualTypeOf<number>();
    expectTypeOf<keyof paths>().toEqualTypeOf<
      | '/api/v1/servers/'
      | '/api/v1/servers/{server_id}/'
      | '/api/v1/servers/{server_id}/start/'
      | '/api/v1/servers/{server_id}/stop/'
      | '/api/v1/servers/{server_id}/reboot/'
      | '/api/v1/dns-zones/'
      | '/api/v1/dns-zones/{uuid}/'
      | '/api/v1/dns-zones/{uuid}/records/'
      | '/api/v1/dns-records/'
      | '/api/v1/dns-records/{uuid}/'
    >();
    expectTypeOf<RateLimitError['retryAfter']>().toEqualTypeOf<number | undefined>();
  });

  it('types vps.http by path', () => {
    void vps.http.GET('/api/v1/servers/{server_id}/', { params: { path: { server_id: 1 } } });
    // @ts-expect-error not a path of the API
    void vps.http.GET('/api/v1/volumes/');
    // @ts-expect-error the path parameter is required
    void vps.http.GET('/api/v1/servers/{server_id}/');
    const _get = () => vps.http.GET('/api/v1/servers/{server_id}/', { params: { path: { server_id: 1 } } });
    type Got = Awaited<ReturnType<typeof _get>>;
    expectTypeOf<Got['response']>().toEqualTypeOf<Response>();
    // The same shape as the model (openapi-fetch spells an allOf as an intersection).
    expectTypeOf<NonNullable<Got['data']>>().toExtend<ServerDetail>();
    expectTypeOf<ServerDetail>().toExtend<NonNullable<Got['data']>>();
    void vps.http.POST('/api/v1/dns-zones/', { body: { domain: 'example.com' }, timeoutMs: 5_000, maxRetries: 0, onRequest: () => undefined });
  });

  it('refuses the vps.http options it cannot honour', () => {
    // @ts-expect-error a misspelt option does not compile (it would be ignored)
    void vps.http.GET('/api/v1/servers/', { timeoutMS: 5_000 });
    // @ts-expect-error openapi-fetch's parseAs is not supported
    void vps.http.GET('/api/v1/servers/', { parseAs: 'text' });
    // @ts-expect-error nor its baseUrl, fetch or middleware
    void vps.http.GET('/api/v1/servers/', { baseUrl: 'https://elsewhere.example' });
    // @ts-expect-error a GET has no body
    void vps.http.GET('/api/v1/servers/', { body: {} });
  });
});

describe('response metadata and hooks', () => {
  it('gives withResponse() on every resource method', () => {
    expectTypeOf(vps.servers.get(1).withResponse()).resolves.toEqualTypeOf<WithResponse<ServerDetail>>();
    expectTypeOf(vps.dnsZones.list().withResponse()).resolves.toEqualTypeOf<WithResponse<DnsZoneSummary[]>>();
    expectTypeOf<WithResponse<void>['requestId']>().toEqualTypeOf<string | undefined>();
  });

  it('types the hooks, default headers, the token provider and the log level', () => {
    createVpsClient({
      token: async () => 'vps_rotated',
      headers: { 'X-Team': 'infra' },
      logLevel: 'debug',
      onRequest: (event) => {
        expectTypeOf(event.attempt).toEqualTypeOf<number>();
        return { 'X-Request-Id': 'mine' };
      },
      onResponse: (event) => expectTypeOf(event.status).toEqualTypeOf<number>(),
      onError: (event) => expectTypeOf(event.willRetry).toEqualTypeOf<boolean>(),
    });
    // @ts-expect-error not a log level
    createVpsClient({ token: 'vps_x', logLevel: 'verbose' });
    // @ts-expect-error a token provider returns a string
    createVpsClient({ token: () => 42 });
  });
});
