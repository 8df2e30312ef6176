// ZONE on the command line is a domain (`example.com`) or a zone uuid; the API's paths take the uuid.
import type { VpsClient } from '@vps-org/client';
import { findZone, isDomain } from '@vps-org/dns';

/** The client resource that holds zones, whose path parameter (and the `zone` filter elsewhere) is a zone. */
export const ZONES_RESOURCE = 'dnsZones';

/** The uuid for a ZONE argument: a uuid as it is, a domain looked up. */
export async function zoneUuid(vps: VpsClient, ref: string): Promise<string> {
  return isDomain(ref) ? (await findZone(vps, ref)).uuid : ref;
}
