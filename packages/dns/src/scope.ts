// Which records a plan manages. VPS.org's own apex NS records never; other apex NS records (another provider's,
// in a file taken from it) only when asked, since the apex NS set is the provider's; records an ignore rule names
// (an ACME client's `_acme-challenge` TXT) never: they are neither added, changed nor deleted.
import { isProviderRecord } from './provider-records.js';
import type { RecordType, ZoneRecord } from './records.js';

export interface IgnoreRule {
  /** As given: `_acme-challenge:TXT`, `*.dev`. */
  text: string;
  name: RegExp;
  type: RecordType | string | undefined;
}

export interface ScopeOptions {
  ignore?: IgnoreRule[];
  /** Plan apex NS records as any other record (VPS.org's own are still left alone). */
  manageApexNs?: boolean;
}

/**
 * `NAME[:TYPE]`, the name relative to the zone (`@` is the apex) where `*` stands for any run of characters
 * (`*` alone: every name).
 */
export function parseIgnoreRule(text: string): IgnoreRule {
  const m = /^([^:\s]+)(?::([A-Za-z0-9]+))?$/.exec(text.trim());
  if (!m) throw new Error(`ignore rule "${text}" is not NAME or NAME:TYPE (e.g. _acme-challenge:TXT)`);
  const pattern = m[1]!.toLowerCase().replace(/\.$/, '').split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  return { text: text.trim(), name: new RegExp(`^${pattern}$`), type: m[2]?.toUpperCase() };
}

export function isIgnored(record: Pick<ZoneRecord, 'name' | 'type'>, rules: IgnoreRule[] = []): IgnoreRule | undefined {
  return rules.find((r) => r.name.test(record.name.toLowerCase()) && (r.type === undefined || r.type === record.type));
}

/** Why a record is out of the plan's scope, or undefined when the plan manages it. */
export function outOfScope(record: ZoneRecord, { ignore, manageApexNs }: ScopeOptions): string | undefined {
  if (isProviderRecord(record)) return "VPS.org's own nameserver: the provider's";
  if (record.type === 'NS' && record.name === '@' && !manageApexNs) return "apex NS: the zone's nameservers are the provider's (--manage-apex-ns to plan them)";
  const rule = isIgnored(record, ignore);
  if (rule) return `ignored (${rule.text}): left as it is`;
  return undefined;
}
