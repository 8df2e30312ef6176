import { describe, expect, it } from 'vitest';
import { jsonMedia, listOperations, loadSpec } from '../../src/index.js';

// Every operation, its method and path, and every status it documents. Every operation also documents throttling
// and server errors (429, 500, 503); every operation that takes a body documents 413 and 415 (inferred, see the
// README).
const ANY = ['429', '500', '503'];
const BODY = ['413', '415', ...ANY];
const expected: Record<string, [method: string, path: string, tag: string, statuses: string[]]> = {
  listServers: ['GET', '/api/v1/servers/', 'Servers', ['200', '400', '401', '404', ...ANY]],
  createServer: ['POST', '/api/v1/servers/', 'Servers', ['201', '400', '401', '402', ...BODY]],
  getServer: ['GET', '/api/v1/servers/{server_id}/', 'Servers', ['200', '401', '404', ...ANY]],
  updateServer: ['PUT', '/api/v1/servers/{server_id}/', 'Servers', ['200', '400', '401', '404', ...BODY]],
  patchServer: ['PATCH', '/api/v1/servers/{server_id}/', 'Servers', ['200', '400', '401', '404', ...BODY]],
  deleteServer: ['DELETE', '/api/v1/servers/{server_id}/', 'Servers', ['204', '401', '404', ...ANY]],
  startServer: ['POST', '/api/v1/servers/{server_id}/start/', 'Servers', ['200', '400', '401', '404', ...ANY]],
  stopServer: ['POST', '/api/v1/servers/{server_id}/stop/', 'Servers', ['200', '400', '401', '404', ...ANY]],
  rebootServer: ['POST', '/api/v1/servers/{server_id}/reboot/', 'Servers', ['200', '400', '401', '404', ...ANY]],
  listDnsZones: ['GET', '/api/v1/dns-zones/', 'DNS Zones', ['200', '400', '401', '403', ...ANY]],
  createDnsZone: ['POST', '/api/v1/dns-zones/', 'DNS Zones', ['201', '400', '401', '403', ...BODY]],
  getDnsZone: ['GET', '/api/v1/dns-zones/{uuid}/', 'DNS Zones', ['200', '401', '403', '404', ...ANY]],
  deleteDnsZone: ['DELETE', '/api/v1/dns-zones/{uuid}/', 'DNS Zones', ['204', '401', '403', '404', ...ANY]],
  listDnsZoneRecords: ['GET', '/api/v1/dns-zones/{uuid}/records/', 'DNS Zones', ['200', '401', '403', '404', ...ANY]],
  createDnsZoneRecord: ['POST', '/api/v1/dns-zones/{uuid}/records/', 'DNS Zones', ['201', '400', '401', '403', '404', ...BODY]],
  listDnsRecords: ['GET', '/api/v1/dns-records/', 'DNS Records', ['200', '400', '401', '403', ...ANY]],
  getDnsRecord: ['GET', '/api/v1/dns-records/{uuid}/', 'DNS Records', ['200', '401', '403', '404', ...ANY]],
  updateDnsRecord: ['PUT', '/api/v1/dns-records/{uuid}/', 'DNS Records', ['200', '400', '401', '403', '404', ...BODY]],
  patchDnsRecord: ['PATCH', '/api/v1/dns-records/{uuid}/', 'DNS Records', ['200', '400', '401', '403', '404', ...BODY]],
  deleteDnsRecord: ['DELETE', '/api/v1/dns-records/{uuid}/', 'DNS Records', ['204', '401', '403', '404', ...ANY]],
};

const spec = loadSpec();
const ops = listOperations(spec);
const byId = new Map(ops.map((o) => [o.operationId, o]));

describe('operations', () => {
  it('are exactly the 20 of the Server and DNS references', () => {
    expect(ops.map((o) => o.operationId).sort()).toEqual(Object.keys(expected).sort());
  });

  describe.each(Object.entries(expected))('%s', (operationId, [method, path, tag, statuses]) => {
    const op = byId.get(operationId)!;

    it(`is ${method} ${path} under ${tag}`, () => {
      expect([op.method, op.path, op.tags]).toEqual([method, path, [tag]]);
    });

    it('documents exactly its statuses, 401 included', () => {
      expect([...op.statuses].sort()).toEqual([...statuses].sort());
    });

    it('requires the bearer token', () => {
      expect(op.raw.security).toEqual([{ bearerAuth: [] }]);
    });

    it('answers every error with the shared error body', () => {
      for (const status of op.statuses.filter((s) => Number(s) >= 400)) {
        expect(jsonMedia(spec, op, status)?.schema).toEqual({
          $ref: '#/components/schemas/ApiErrorBody',
        });
      }
    });

    it('says "inferred" wherever it goes beyond the reference', () => {
      // Statuses the reference never lists for this operation must be marked as inferred in their description.
      const documented = referenceStatuses[operationId] ?? [];
      for (const status of op.statuses.filter((s) => !documented.includes(s) && s !== '401')) {
        const text = `${op.responses.find((r) => r.status === status)?.description} ${op.description}`;
        expect(text, `${operationId} ${status}`).toMatch(/inferred/i);
      }
    });
  });
});

// What the reference pages list per operation ("응답 상태 코드" / "Codes d'état de réponse" / common errors table).
const referenceStatuses: Record<string, string[]> = {
  listServers: ['200'],
  createServer: ['201', '400', '402'],
  getServer: ['200', '404'],
  updateServer: ['200', '400', '404'],
  deleteServer: ['204', '404'],
  startServer: ['200', '400', '404'],
  rebootServer: ['200', '400', '404'],
  listDnsZones: ['200', '403'],
  getDnsZone: ['200', '404'],
  createDnsZone: ['201', '400', '403'],
  deleteDnsZone: ['204', '403', '404'],
  createDnsZoneRecord: ['201', '400'],
  getDnsRecord: ['404'],
  updateDnsRecord: ['404'],
  patchDnsRecord: ['404'],
  deleteDnsRecord: ['404'],
};

describe('path parameters', () => {
  it('server_id is an integer and zone/record uuids are strings', () => {
    const param = (id: string, name: string) => [...byId.get(id)!.pathParams, ...byId.get(id)!.queryParams].find((p) => p.name === name)!;
    expect(param('getServer', 'server_id').schema.type).toBe('integer');
    expect(param('getDnsZone', 'uuid').schema.type).toBe('string');
    expect(param('getDnsRecord', 'uuid').schema.type).toBe('string');
  });

  it('every DNS operation names the permission it needs', () => {
    for (const op of ops.filter((o) => o.tags[0]?.startsWith('DNS'))) {
      expect(op.raw['x-permissions'], op.operationId).toEqual([expect.stringMatching(/^dns:/)]);
      expect(op.description).toContain(op.raw['x-permissions'][0]);
    }
  });
});
