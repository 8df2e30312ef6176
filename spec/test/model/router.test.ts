import { describe, expect, it } from 'vitest';
import { createRouter, listOperations } from '../../src/index.js';

const router = createRouter(listOperations());

describe('the router of the operation model', () => {
  it('finds the operation of a method and path, with its decoded path parameters', () => {
    const m = router.match('post', '/api/v1/dns-zones/abc%2D1/records/');
    expect([m?.op?.operationId, m?.params, m?.malformed]).toEqual(['createDnsZoneRecord', { uuid: 'abc-1' }, undefined]);
  });

  it('names the path parameter a typed URL pattern would refuse', () => {
    expect(router.match('GET', '/api/v1/servers/abc/')?.malformed?.name).toBe('server_id');
    expect(router.match('GET', '/api/v1/servers/0/')?.malformed?.name).toBe('server_id');
    expect(router.match('DELETE', '/api/v1/dns-records/not_a_uuid!/')?.malformed?.name).toBe('uuid');
    expect(router.match('GET', '/api/v1/servers/%E0%A4%A/')?.malformed?.name).toBe('server_id');
  });

  it('knows a path without the method (405) from no path at all', () => {
    const m = router.match('PATCH', '/api/v1/dns-zones/z-1/');
    expect([m?.op, m?.pathOps.map((o) => o.operationId)]).toEqual([undefined, ['getDnsZone', 'deleteDnsZone']]);
    expect(router.match('GET', '/api/v1/nothing/')).toBeUndefined();
  });
});
