// What a program ships that uses every feature: every resource, pagination, a waiter, vps.http and the errors.
import { createVpsClient, listAllServers, NotFoundError, VpsError, VpsWaiterError, waitForServer } from '@vps-org/client';

const vps = createVpsClient({ token: 'vps_example', timeoutMs: 10_000, maxRetries: 3 });
export async function run() {
  const server = await vps.servers.create({ name: 'web-1', plan_id: 1, os_id: 5, location: 'us-west' });
  await waitForServer(vps, server.id, 'active');
  for await (const item of listAllServers(vps, { status: 'active' })) console.log(item.name);
  const zone = await vps.dnsZones.create({ domain: 'example.com' });
  await vps.dnsZones.createRecord(zone.uuid, { record_type: 'A', name: 'www', value: '192.0.2.1' });
  await vps.dnsRecords.list({ zone: zone.uuid });
  await vps.http.GET('/api/v1/servers/{server_id}/', { params: { path: { server_id: server.id } } });
  try {
    await vps.dnsZones.delete(zone.uuid);
  } catch (error) {
    if (error instanceof NotFoundError || error instanceof VpsWaiterError) return;
    if (error instanceof VpsError) console.error(error.message);
  }
}
