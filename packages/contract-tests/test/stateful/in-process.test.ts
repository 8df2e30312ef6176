// The fake's handler as the client's `fetch`, in-process: no port, no Prism. What a unit test of code that uses
// @vps-org/client can do with @vps-org/mock alone.
import { BadRequestError, createVpsClient, NotFoundError, waitForServer } from '@vps-org/client';
import { createFake } from '@vps-org/mock';
import { describe, expect, it } from 'vitest';

describe('createFake().handler as the client’s fetch', () => {
  it('creates a zone and records, reads them back, refuses an MX without priority, and deletes in cascade', async () => {
    const fake = createFake({ transitionMs: 0 });
    const vps = createVpsClient({ token: 'vps_in_process', baseUrl: 'http://fake.test', fetch: fake.handler, maxRetries: 0 });

    const zone = await vps.dnsZones.create({ domain: 'in-process.example' });
    const record = await vps.dnsZones.createRecord(zone.uuid, { record_type: 'A', name: 'www', value: '192.0.2.20' });
    expect(await vps.dnsRecords.get(record.uuid)).toEqual(record);
    expect((await vps.dnsZones.get(zone.uuid)).records).toEqual([record]);

    const refused = await vps.dnsZones
      .createRecord(zone.uuid, { record_type: 'MX', name: '@', value: 'mail.example.com' } as never)
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(BadRequestError);
    expect(refused).toMatchObject({ field: 'priority' });

    await vps.dnsZones.delete(zone.uuid);
    await expect(vps.dnsRecords.get(record.uuid)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('provisions a server that waitForServer sees become active', async () => {
    const fake = createFake({ transitionMs: 30 });
    const vps = createVpsClient({ token: 'vps_in_process', baseUrl: 'http://fake.test', fetch: fake.handler });
    const created = await vps.servers.create({ name: 'unit-1', plan_id: 1, os_id: 5, location: 'us-west' });
    expect(created.status).toBe('provisioning');
    const active = await waitForServer(vps, created.id, 'active', { intervalMs: 10, timeoutMs: 120_000 });
    expect(active.ip_address).not.toBeNull();
  });
});
