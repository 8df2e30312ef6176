// The writes of an apply, through the API client.
import type { VpsClient } from '@vps-org/client';
import { apiInput } from './api-record.js';
import type { ZoneWriter } from './apply-plan.js';
import { RATE_LIMIT_DEFAULTS, retryRateLimited, type RateLimitPolicy } from './rate-limit.js';
import { sameValue } from './records.js';
import type { ZoneId } from './zone-ref.js';

export function clientWriter(vps: VpsClient, zone: ZoneId, rateLimit: RateLimitPolicy = RATE_LIMIT_DEFAULTS): ZoneWriter {
  return {
    async create(record) {
      await retryRateLimited(() => vps.dnsZones.createRecord(zone.uuid, apiInput(record, zone.domain)), rateLimit);
    },
    async change({ current, desired }) {
      // One PATCH: a CNAME's new target never passes through a state without the record.
      const patch: { ttl?: number; value?: string } = {};
      if (current.ttl !== desired.ttl) patch.ttl = desired.ttl;
      if (!sameValue(current, desired)) patch.value = desired.value;
      await retryRateLimited(() => vps.dnsRecords.patch(current.uuid, patch), rateLimit);
    },
    async remove(record) {
      // A DELETE's 429 is the client's own to retry.
      await vps.dnsRecords.delete(record.uuid);
    },
  };
}
