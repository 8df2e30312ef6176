// The writes of an apply, through the API client.
import type { DnsRecordInput, VpsClient } from '@vps-org/client';
import type { ZoneWriter } from './apply-plan.js';

export function clientWriter(vps: VpsClient, zoneUuid: string): ZoneWriter {
  return {
    async create(record) {
      const input = { record_type: record.type, name: record.name, value: record.value, ttl: record.ttl };
      const withPriority = record.priority === null ? input : { ...input, priority: record.priority };
      await vps.dnsZones.createRecord(zoneUuid, withPriority as DnsRecordInput);
    },
    async change({ current, desired }) {
      const patch: { ttl?: number; priority?: number | null } = {};
      if (current.ttl !== desired.ttl) patch.ttl = desired.ttl;
      if ((current.priority ?? null) !== desired.priority) patch.priority = desired.priority;
      await vps.dnsRecords.patch(current.uuid, patch);
    },
    async remove(record) {
      await vps.dnsRecords.delete(record.uuid);
    },
  };
}
