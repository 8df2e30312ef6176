// The API's side of a plan: the records it holds for a zone, in the planner's terms.
import type { VpsClient } from '@vps-org/client';
import { fromApi } from './api-record.js';
import type { CurrentRecord } from './records.js';
import { findZone, type ZoneId } from './zone-ref.js';

export interface ZoneState {
  zone: ZoneId;
  /** Every record of a type the planner knows, VPS.org's own apex NS included (the planner leaves them out). */
  records: CurrentRecord[];
}

/** The zone (a domain or a uuid) and its records. */
export async function currentState(vps: VpsClient, ref: string): Promise<ZoneState> {
  const zone = await findZone(vps, ref);
  const records = (await vps.dnsZones.listRecords(zone.uuid))
    .map((r) => fromApi(r, zone.domain))
    .filter((r): r is CurrentRecord => r !== undefined);
  return { zone, records };
}
