import { describe, expect, it } from 'vitest';
import { VpsRedirectError } from './errors/transport-errors.js';
import { example } from '../testing/fixtures.js';
import { sendJson, startLoopback, TEST_TOKEN, testClient } from '../testing/loopback.js';
import type { VpsClient } from '../vps-client.js';

describe('redirects are never followed', () => {
  it.each([
    [301, 'servers.create', (vps: VpsClient) => vps.servers.create(example('ServerCreateRequest')), 'POST'],
    [302, 'servers.reboot', (vps: VpsClient) => vps.servers.reboot(1), 'POST'],
    [303, 'servers.delete', (vps: VpsClient) => vps.servers.delete(1), 'DELETE'],
    [307, 'servers.get', (vps: VpsClient) => vps.servers.get(1), 'GET'],
    [308, 'dnsRecords.update', (vps: VpsClient) => vps.dnsRecords.update('rec-1', example('DnsRecordUpdateRequest')), 'PUT'],
  ])('a %i to %s rejects with VpsRedirectError, and the other URL gets nothing', async (status, _name, call, method) => {
    const elsewhere = await startLoopback((_req, res) => sendJson(res, 200, { id: 1, status: 'active' }));
    const api = await startLoopback((_req, res) => {
      res.writeHead(status, { Location: `${elsewhere.url}/landing?token=${TEST_TOKEN}` });
      res.end();
    });
    const error = await call(testClient(api.url)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VpsRedirectError);
    expect(error).toMatchObject({ status, method, location: `${elsewhere.url}/landing?token=[redacted]` });
    expect(api.requests).toHaveLength(1);
    expect(elsewhere.requests).toHaveLength(0);
  });
});
