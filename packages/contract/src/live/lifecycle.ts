import { randomUUID } from 'node:crypto';
import { getOperation, namedExamples, type JsonObject, type OperationModel } from '@vps-org/openapi';
import type { Answer, Call } from './caller.js';
import type { LiveResult } from './live.js';

interface Context {
  spec: JsonObject;
  ops: OperationModel[];
  call: Call;
  record: (op: OperationModel, answer: Answer) => Answer;
  result: LiveResult;
}

const uuidOf = (answer: Answer) => {
  const uuid = (answer.body as { uuid?: unknown } | null)?.uuid;
  return answer.status < 300 && typeof uuid === 'string' ? uuid : undefined;
};

/**
 * `--write`: a zone made for the purpose (a random name under `.example`, RFC 2606), one record of each type the
 * spec's create examples show, a PATCH and a PUT of one of them, the deletes, then the zone's delete. Only ids that
 * this run's own creates returned are ever written to or deleted; the zone is deleted in `finally`, so a failure
 * half-way (a drift, a refused call, a dropped connection) still cleans up, and what could not be deleted is listed.
 */
export async function runLifecycle({ spec, ops, call, record, result }: Context): Promise<void> {
  const op = (id: string) => getOperation(id, ops);
  const createZone = op('createDnsZone');
  const domain = `contract-live-${randomUUID().slice(0, 8)}.example`;
  const zone = uuidOf(record(createZone, await call(createZone, {}, {}, { domain })));
  if (!zone) {
    result.skipped.push(`the write lifecycle: ${createZone.operationId} returned no zone uuid`);
    return;
  }
  let zoneDeleted = false;
  try {
    const createRecord = op('createDnsZoneRecord');
    const records: string[] = [];
    for (const body of Object.values(namedExamples(spec, createRecord, 'request'))) {
      const uuid = uuidOf(record(createRecord, await call(createRecord, { uuid: zone }, {}, body)));
      if (uuid) records.push(uuid);
    }
    const [first, ...rest] = records;
    if (first) {
      const patch = op('patchDnsRecord');
      record(patch, await call(patch, { uuid: first }, {}, Object.values(namedExamples(spec, patch, 'request'))[0] ?? { ttl: 1800 }));
      const put = op('updateDnsRecord');
      const body = Object.values(namedExamples(spec, put, 'request'))[0];
      if (body) record(put, await call(put, { uuid: first }, {}, body));
    }
    const deleteRecord = op('deleteDnsRecord');
    for (const uuid of [first, ...rest].filter((u): u is string => u !== undefined)) record(deleteRecord, await call(deleteRecord, { uuid }));
    const deleteZone = op('deleteDnsZone');
    zoneDeleted = record(deleteZone, await call(deleteZone, { uuid: zone })).status < 300;
  } finally {
    if (!zoneDeleted) await cleanUp(op('deleteDnsZone'), zone, call, result);
  }
}

async function cleanUp(deleteZone: OperationModel, zone: string, call: Call, result: LiveResult) {
  try {
    const answer = await call(deleteZone, { uuid: zone });
    result.requests.push(`${answer.request} (clean-up)`);
    if (answer.status >= 300 && answer.status !== 404) result.leftBehind.push(`zone ${zone} (delete answered ${answer.status})`);
  } catch (error) {
    result.leftBehind.push(`zone ${zone} (${(error as Error).name})`);
  }
}
