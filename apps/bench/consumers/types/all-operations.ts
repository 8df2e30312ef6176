// The type-cost benchmark's consumer: every one of the 20 operations through the resource layer.
import { createVpsClient } from '@vps-org/client';

const vps = createVpsClient({ token: 'vps_example' });
const zone = 'abc123-def456-ghi789';
const rec = 'rec-001';

export async function all() {
  await vps.servers.list({ status: 'active' });
  await vps.servers.create({ name: 'web-server-02', plan_id: 1, os_id: 5, location: 'us-west' });
  await vps.servers.get(12345);
  await vps.servers.update(12345, { name: 'web', hostname: 'web.example.com', backups_enabled: true });
  await vps.servers.patch(12345, { name: 'new-server-name' });
  await vps.servers.delete(12345);
  await vps.servers.start(12345);
  await vps.servers.stop(12345);
  await vps.servers.reboot(12345);
  await vps.dnsZones.list({ domain: 'example.com' });
  await vps.dnsZones.create({ domain: 'newdomain.com' });
  await vps.dnsZones.get(zone);
  await vps.dnsZones.delete(zone);
  await vps.dnsZones.listRecords(zone);
  await vps.dnsZones.createRecord(zone, { record_type: 'MX', name: '@', value: 'mail.example.com', priority: 10 });
  await vps.dnsRecords.list({ zone, record_type: 'MX' });
  await vps.dnsRecords.get(rec);
  await vps.dnsRecords.update(rec, { record_type: 'A', name: 'www', value: '192.0.2.1' });
  await vps.dnsRecords.patch(rec, { ttl: 1800 });
  await vps.dnsRecords.delete(rec);
}
