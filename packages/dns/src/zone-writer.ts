// The writes of an apply, through the API client.
import type { DnsRecordInput, VpsClient } from '@vps-org/client';
import type { ZoneWriter } from './apply-plan.js';
import { RATE_LIMIT_DEFAULTS, retryRateLimited, type RateLimitPolicy } from './rate-limit.js';

export function clientWriter(vps: VpsClient, zoneUuid: string, rateLimit: RateLimitPolicy = RATE_LIMIT_DEFAULTS): ZoneWriter {
  return {
    async create(record) {
      const input = { record_type: record.type, name: record.name, value: record.value, ttl: record.ttl };
      const withPriority = record.priority === null ? input : { ...input, priority: record.priority };
      await retryRateLimited(() => vps.dnsZones.createRecord(zoneUuid, withPriority as DnsRecordInput), rateLimit);
    },
    async change({ current, desired }) {
      const patch: { ttl?: number; priority?: number | null } = {};
      if (current.ttl !== desired.ttl) patch.ttl = desired.ttl;
      if ((current.priority ?? null) !== desired.priority) patch.priority = desired.priority;
      await retryRateLimited(() => vps.dnsRecords.patch(current.uuid, patch), rateLimit);
    },
    async remove(record) {
      // A DELETE's 429 is the client's own to retry.
      await vps.dnsRecords.delete(record.uuid);
    },
  };
}
