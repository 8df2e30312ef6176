// ZONE on the command line is a domain (`example.com`) or a zone uuid; the API's paths take the uuid.
import type { VpsClient } from '@vps-org/client';
import { NotFoundError } from '@vps-org/client';
import { CliError } from '../errors.js';

/** The client resource that holds zones, whose path parameter (and the `zone` filter elsewhere) is a zone. */
export const ZONES_RESOURCE = 'dnsZones';

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
    if (!zone) throw new CliError(`no DNS zone ${domain} in this account (vps dns-zones create --domain ${domain} makes one)`);
    return { uuid: zone.uuid, domain: zone.domain };
  }
  try {
    const zone = await vps.dnsZones.get(ref);
    return { uuid: zone.uuid, domain: zone.domain };
  } catch (error) {
    if (error instanceof NotFoundError) throw new CliError(`no DNS zone with uuid ${ref} in this account`);
    throw error;
  }
}

/** The uuid for a ZONE argument: a uuid as it is, a domain looked up. */
export async function zoneUuid(vps: VpsClient, ref: string): Promise<string> {
  return isDomain(ref) ? (await findZone(vps, ref)).uuid : ref;
}
