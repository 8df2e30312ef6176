// A zone is named by its domain (`example.com`) or its uuid; the API's paths take the uuid.
import { NotFoundError, type VpsClient } from '@vps-org/client';
import { ZoneNotFoundError } from './errors.js';

export interface ZoneId {
  uuid: string;
  domain: string;
}

/** A zone uuid never has a dot; a domain always does. */
export const isDomain = (ref: string): boolean => ref.includes('.');

export async function findZone(vps: VpsClient, ref: string): Promise<ZoneId> {
  if (isDomain(ref)) {
    const domain = ref.toLowerCase().replace(/\.$/, '');
    const zones = await vps.dnsZones.list({ domain });
    const zone = zones.find((z) => z.domain.toLowerCase() === domain);
    if (!zone) throw new ZoneNotFoundError(`no DNS zone ${domain} in this account (vps dns-zones create --domain ${domain} makes one)`);
    return { uuid: zone.uuid, domain: zone.domain };
  }
  try {
    const zone = await vps.dnsZones.get(ref);
    return { uuid: zone.uuid, domain: zone.domain };
  } catch (error) {
    if (error instanceof NotFoundError) throw new ZoneNotFoundError(`no DNS zone with uuid ${ref} in this account`);
    throw error;
  }
}
