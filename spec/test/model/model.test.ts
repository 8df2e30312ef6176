import { describe, expect, it } from 'vitest';
import { listOperations, methodWords, OperationModelError, type JsonObject } from '../../src/index.js';

// A small spec of its own, with the operationIds people write when nobody holds a style guide.
const ok = { '200': { description: 'ok' } };
const awkward: JsonObject = {
  openapi: '3.1.0',
  info: { title: 't', version: '1' },
  tags: [{ name: 'DNS Zones', description: '  Zones and their records.\n' }],
  paths: {
    '/zones/{zone_id}/records/': {
      parameters: [{ name: 'zone_id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' }, example: 'z-1' }],
      get: { tags: ['DNS Zones'], operationId: 'listRecordsOfDnsZone', responses: ok },
      post: {
        tags: ['DNS Zones'],
        operationId: 'addRecordToDNSZone',
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { type: 'object' }, examples: { First: { value: { a: 1 } } } } },
        },
        responses: { '201': { description: 'made' } },
      },
    },
    '/zones/': {
      get: {
        tags: ['DNS Zones'],
        operationId: 'dnsZonesList',
        parameters: [{ name: 'page_size', in: 'query', schema: { type: 'integer' }, example: 5 }],
        responses: {
          '200': {
            description: 'a page',
            content: {
              'application/json': {
                schema: { type: 'object', properties: { results: { type: 'array', items: {} }, next: { type: ['string', 'null'] } } },
              },
            },
          },
        },
      },
    },
    '/zones/{zone_id}/': {
      parameters: [{ name: 'zone_id', in: 'path', required: true, schema: { type: 'string' }, example: 'a b' }],
      delete: { tags: ['DNS Zones'], operationId: 'deleteDNSZone', responses: { '204': { description: 'gone' } } },
    },
    '/policies/': {
      get: { tags: ['Policies'], operationId: 'getPolicies2', responses: ok },
    },
  },
};

describe('the operation model of a small spec with awkward operationIds', () => {
  const ops = listOperations(awkward);
  const names = Object.fromEntries(ops.map((o) => [o.operationId, [`${o.resource}.${o.clientMethod}`, `${o.cli.group} ${o.cli.command}`]]));

  it('names each operation by what is left once the resource noun is taken out', () => {
    expect(names).toEqual({
      listRecordsOfDnsZone: ['dnsZones.listRecords', 'dns-zones list-records'],
      addRecordToDNSZone: ['dnsZones.addRecord', 'dns-zones add-record'],
      dnsZonesList: ['dnsZones.list', 'dns-zones list'],
      deleteDNSZone: ['dnsZones.delete', 'dns-zones delete'],
      getPolicies2: ['policies.get2', 'policies get-2'],
    });
  });

  it("carries its tag's description, when the document's tags have one", () => {
    expect(ops.map((o) => [o.operationId, o.tagDescription])).toEqual([
      ['listRecordsOfDnsZone', 'Zones and their records.'],
      ['addRecordToDNSZone', 'Zones and their records.'],
      ['dnsZonesList', 'Zones and their records.'],
      ['deleteDNSZone', 'Zones and their records.'],
      ['getPolicies2', undefined],
    ]);
  });

  it('keeps path parameters in path order with their JS and CLI names', () => {
    const [list] = ops;
    expect(list?.pathParams.map((p) => [p.name, p.argName, p.flagName, p.type, p.format])).toEqual([
      ['zone_id', 'zoneId', 'zone-id', 'string', 'uuid'],
    ]);
  });

  it('builds one valid example call from the spec’s examples, encoding path values', () => {
    const byId = new Map(ops.map((o) => [o.operationId, o]));
    expect(byId.get('addRecordToDNSZone')?.example).toEqual({ pathParams: { zone_id: 'z-1' }, query: {}, body: { a: 1 }, url: '/zones/z-1/records/' });
    expect(byId.get('dnsZonesList')?.example.url).toBe('/zones/?page_size=5');
    expect(byId.get('deleteDNSZone')?.example.url).toBe('/zones/a%20b/');
  });

  it('knows which lists paginate, which answers have no body and which bodies are required', () => {
    const byId = new Map(ops.map((o) => [o.operationId, o]));
    expect(byId.get('dnsZonesList')?.paginated).toBe(true);
    expect(byId.get('listRecordsOfDnsZone')?.paginated).toBe(false);
    expect(byId.get('deleteDNSZone')?.noContent).toBe(true);
    expect(byId.get('addRecordToDNSZone')?.requestBody?.required).toBe(true);
    expect(byId.get('addRecordToDNSZone')?.requestBody?.examples).toEqual(['First']);
  });

  it('refuses an operationId that does not name its tag, saying which and why', () => {
    const spec = structuredClone(awkward);
    spec.paths['/policies/'].get.operationId = 'rebootMachine';
    expect(() => listOperations(spec)).toThrow(OperationModelError);
    expect(() => listOperations(spec)).toThrow(/GET \/policies\/: operationId "rebootMachine" does not name the noun of its tag "Policies"/);
  });

  it('refuses two operations that would become the same method', () => {
    const spec = structuredClone(awkward);
    spec.paths['/zones/{zone_id}/'].get = { tags: ['DNS Zones'], operationId: 'listDnsZones', responses: ok };
    expect(() => listOperations(spec)).toThrow(/dnsZonesList and listDnsZones both become dnsZones.list/);
  });

  it('refuses an operation without a tag or an operationId', () => {
    const spec = structuredClone(awkward);
    delete spec.paths['/policies/'].get.tags;
    expect(() => listOperations(spec)).toThrow(/getPolicies2 \(GET \/policies\/\) has no tag/);
    delete spec.paths['/policies/'].get.operationId;
    expect(() => listOperations(spec)).toThrow(/GET \/policies\/ has no operationId/);
  });
});

describe('method words', () => {
  it.each([
    ['listServers', 'Servers', 'list'],
    ['rebootServer', 'Servers', 'reboot'],
    ['createDnsZoneRecord', 'DNS Zones', 'create Record'],
    ['listDnsZoneRecords', 'DNS Zones', 'list Records'],
    ['getDNSZone', 'DNS Zones', 'get'],
    ['listCategoriesEntries', 'Categories', 'list Entries'],
    ['getCategory', 'Categories', 'get'],
  ])('%s under %s -> %s', (id, tag, expected) => {
    expect(methodWords(id, tag).join(' ')).toBe(expected);
  });

  it('matches whole words only', () => {
    expect(() => methodWords('listDnsZoned', 'DNS Zones')).toThrow(/does not name/);
  });
});

describe('the operation model of the VPS.org spec', () => {
  const ops = listOperations();
  it('gives the 20 operations the names the client documents', () => {
    expect(Object.fromEntries(ops.map((o) => [o.operationId, `${o.resource}.${o.clientMethod}`]))).toEqual({
      listServers: 'servers.list',
      createServer: 'servers.create',
      getServer: 'servers.get',
      updateServer: 'servers.update',
      deleteServer: 'servers.delete',
      patchServer: 'servers.patch',
      startServer: 'servers.start',
      stopServer: 'servers.stop',
      rebootServer: 'servers.reboot',
      listDnsZones: 'dnsZones.list',
      createDnsZone: 'dnsZones.create',
      getDnsZone: 'dnsZones.get',
      deleteDnsZone: 'dnsZones.delete',
      listDnsZoneRecords: 'dnsZones.listRecords',
      createDnsZoneRecord: 'dnsZones.createRecord',
      listDnsRecords: 'dnsRecords.list',
      getDnsRecord: 'dnsRecords.get',
      updateDnsRecord: 'dnsRecords.update',
      deleteDnsRecord: 'dnsRecords.delete',
      patchDnsRecord: 'dnsRecords.patch',
    });
  });

  it('paginates the server list only, the one list whose answer has results and next', () => {
    expect(ops.filter((o) => o.paginated).map((o) => o.operationId)).toEqual(['listServers']);
  });

  it('names the MCP tools after the operationIds, awkward capitals included', () => {
    expect(ops.map((o) => o.tool)).toContain('create_dns_zone_record');
    expect(listOperations(awkward).map((o) => o.tool)).toContain('add_record_to_dns_zone');
  });

  it('reads GETs as read-only, PUT and DELETE as idempotent, deletes and x-destructive as destructive', () => {
    const by = (effect: 'readOnly' | 'idempotent' | 'destructive') => ops.filter((o) => o.effects[effect]).map((o) => o.operationId);
    expect(by('readOnly')).toEqual(ops.filter((o) => o.method === 'GET').map((o) => o.operationId));
    expect(by('idempotent')).toEqual(['updateServer', 'deleteServer', 'deleteDnsZone', 'updateDnsRecord', 'deleteDnsRecord']);
    expect(by('destructive')).toEqual(['deleteServer', 'stopServer', 'rebootServer', 'deleteDnsZone', 'deleteDnsRecord']);
  });
});

describe('the names the client gives what it adds to an operation', () => {
  it('a page iterator for the paginated list, a query type for every operation with a query', () => {
    const ops = listOperations();
    expect(ops.filter((o) => o.pageIterator).map((o) => [o.operationId, o.pageIterator])).toEqual([['listServers', 'listAllServers']]);
    expect(ops.filter((o) => o.queryType).map((o) => o.queryType)).toEqual(['ListServersQuery', 'ListDnsZonesQuery', 'ListDnsRecordsQuery']);
  });
});
