import { describe, expect, it } from 'vitest';
import { VpsParameterError } from './errors/vps-error.js';
import { startLoopback, testClient } from '../testing/loopback.js';
import type { VpsClient } from '../vps-client.js';

type Call = (vps: VpsClient, id: unknown) => Promise<unknown>;
const deleteRecord: Call = (vps, id) => vps.dnsRecords.delete(id as string);
const deleteZone: Call = (vps, id) => vps.dnsZones.delete(id as string);
const getServer: Call = (vps, id) => vps.servers.get(id as number);

describe('path parameters are checked before anything is sent', () => {
  it.each([
    ['dnsRecords.delete', '.', deleteRecord, 'uuid'],
    ['dnsZones.delete', '..', deleteZone, 'uuid'],
    ['dnsZones.delete', '', deleteZone, 'uuid'],
    ['dnsZones.delete', null, deleteZone, 'uuid'],
    ['dnsZones.delete', undefined, deleteZone, 'uuid'],
    ['dnsZones.delete', 'abc/../../servers', deleteZone, 'uuid'],
    ['dnsRecords.delete', 'rec 001', deleteRecord, 'uuid'],
    ['servers.get', Number.NaN, getServer, 'serverId'],
    ['servers.get', 1.5, getServer, 'serverId'],
    ['servers.get', 0, getServer, 'serverId'],
    ['servers.get', '12', getServer, 'serverId'],
    ['servers.get', undefined, getServer, 'serverId'],
  ])('%s(%o) throws VpsParameterError naming the parameter', async (_name, id, call, parameter) => {
    const api = await startLoopback((_req, res) => void res.end());
    const error = await call(testClient(api.url), id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VpsParameterError);
    expect(error).toMatchObject({ parameter });
    expect((error as Error).message).toMatch(new RegExp(`^\`${parameter}\` must be`));
    expect(api.requests).toHaveLength(0);
  });

  it('checks the path parameters of vps.http too', async () => {
    const api = await startLoopback((_req, res) => void res.end());
    const http = testClient(api.url).http;
    const error = await http.DELETE('/api/v1/dns-records/{uuid}/', { params: { path: { uuid: '..' } } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VpsParameterError);
    expect(api.requests).toHaveLength(0);
  });

  it('sends a valid id in its own segment', async () => {
    const api = await startLoopback((_req, res) => {
      res.writeHead(204);
      res.end();
    });
    await testClient(api.url).dnsRecords.delete('abc123-def456');
    expect(api.requests.map((r) => `${r.method} ${r.url}`)).toEqual(['DELETE /api/v1/dns-records/abc123-def456/']);
  });
});
