// Record bodies, one table for the three judges: the spec's schema (Ajv), the client's types (tsc) and the mock
// (Prism). `types: 'blind'` marks a refusal the types cannot see (a format or a length: TypeScript has no such types).
import { namedExamples } from '@vps-org/openapi';
import { operation, spec } from '../support/spec.js';

export interface RecordCase {
  label: string;
  body: Record<string, unknown>;
  accepted: boolean;
  /** The types cannot tell a valid value from an invalid one of the same JavaScript type. */
  types?: 'blind';
}

/** One valid body per record type: the request examples of createDnsZoneRecord (the reference's record-type table). */
export const SAMPLES: Record<string, Record<string, unknown>> = Object.fromEntries(
  Object.values(namedExamples(spec, operation('createDnsZoneRecord'), 'request')).map((body) => {
    const record = body as Record<string, unknown>;
    return [String(record.record_type), record];
  }),
);

/** A value of the right JavaScript type but the wrong form for each record type. */
const WRONG_VALUE: Record<string, string> = {
  A: 'not-an-ip',
  AAAA: '192.0.2.1',
  CNAME: 'not a host name',
  MX: 'mail example com',
  TXT: '',
  NS: 'ns1 example com',
  SRV: 'sip.example.com',
  CAA: 'letsencrypt.org',
};

const WITH_PRIORITY = new Set(['MX', 'SRV']);
const label63 = 'a'.repeat(63);
const name254 = [label63, label63, label63, 'a'.repeat(62)].join('.');
// A 4096-bit RSA public key is about 550 bytes of DER: about 740 characters of base64.
const dkim = `v=DKIM1; k=rsa; p=${Buffer.alloc(550, 'dkim-key').toString('base64')}`;

function without(body: Record<string, unknown>, key: string): Record<string, unknown> {
  const copy = { ...body };
  delete copy[key];
  return copy;
}

export const RECORD_CASES: RecordCase[] = Object.entries(SAMPLES).flatMap(([type, sample]): RecordCase[] => [
  { label: `${type} as the reference shows it`, body: sample, accepted: true },
  ...(WITH_PRIORITY.has(type)
    ? [
        { label: `${type} with priority 0`, body: { ...sample, priority: 0 }, accepted: true },
        { label: `${type} without priority`, body: without(sample, 'priority'), accepted: false },
        { label: `${type} with a null priority`, body: { ...sample, priority: null }, accepted: false },
      ]
    : [
        { label: `${type} with priority 10`, body: { ...sample, priority: 10 }, accepted: false },
        { label: `${type} with a null priority`, body: { ...sample, priority: null }, accepted: false },
      ]),
  { label: `${type} with a field no record has`, body: { ...sample, weight: 5 }, accepted: false },
  { label: `${type} without a name`, body: without(sample, 'name'), accepted: false },
  { label: `${type} with a string ttl`, body: { ...sample, ttl: '3600' }, accepted: false },
  { label: `${type} with a value of the wrong form`, body: { ...sample, value: WRONG_VALUE[type] }, accepted: false, types: 'blind' },
  { label: `${type} with a 254-character name`, body: { ...sample, name: name254 }, accepted: false, types: 'blind' },
]);

RECORD_CASES.push(
  { label: 'an unknown record_type', body: { record_type: 'SPF', name: '@', value: 'v=spf1 -all' }, accepted: false },
  { label: 'TXT holding a 4096-bit DKIM key', body: { ...SAMPLES.TXT, name: 'default._domainkey', value: dkim }, accepted: true },
  { label: 'TXT of 4097 characters', body: { ...SAMPLES.TXT, value: 'x'.repeat(4097) }, accepted: false, types: 'blind' },
  { label: 'A named with 253 characters', body: { ...SAMPLES.A, name: name254.slice(1) }, accepted: true },
);
