// How tags and operationIds become names in the client (`vps.dnsZones.createRecord`) and the CLI
// (`vps dns-zones create-record`). This is the only place that derives names from operationIds.

/** The words of an identifier or a phrase: `listDNSZoneRecords` -> list DNS Zone Records; `DNS Zones` -> DNS Zones. */
export function words(text: string): string[] {
  return text.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+/g) ?? [];
}

const capital = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();

/** `['list', 'Dns', 'Zones']` -> `listDnsZones`. */
export function camelCase(parts: string[]): string {
  return parts.map((w, i) => (i === 0 ? w.toLowerCase() : capital(w))).join('');
}

/** `['DNS', 'Zones']` -> `DnsZones`. */
export function pascalCase(parts: string[]): string {
  return parts.map(capital).join('');
}

/** `['create', 'DNS', 'Zone']` -> `create_dns_zone`. */
export function snakeCase(parts: string[]): string {
  return parts.map((w) => w.toLowerCase()).join('_');
}

/** `['create', 'Record']` -> `create-record`. */
export function kebabCase(parts: string[]): string {
  return parts.map((w) => w.toLowerCase()).join('-');
}

/** Prepositions an operationId may put before its resource's noun: `listRecordsOfDnsZone`, `addRecordToZone`. */
const LINKS = new Set(['of', 'for', 'in', 'on', 'to', 'from', 'by']);

export class NamingError extends Error {
  override name = 'NamingError';
}

/**
 * The method words of an operation: its operationId without its tag's noun (plural or singular, as whole words,
 * any case: `DNS Zones` matches `DnsZone` and `DNSZones`) and without a preposition left dangling at either end.
 * `listServers` -> list, `createDnsZoneRecord` -> create Record, `listRecordsOfDnsZone` -> list Records.
 * An operationId that does not name its tag's noun gets no silent guess: it fails with a NamingError.
 */
export function methodWords(operationId: string, tag: string): string[] {
  const id = words(operationId);
  const lower = id.map((w) => w.toLowerCase());
  const plural = words(tag).map((w) => w.toLowerCase());
  if (!id.length || !plural.length) throw new NamingError(`operationId "${operationId}" or tag "${tag}" has no words`);
  const last = plural[plural.length - 1] ?? '';
  const singular = [...plural.slice(0, -1), last.replace(/(ies|s)$/, (s) => (s === 'ies' ? 'y' : ''))];
  for (const noun of [plural, singular]) {
    for (let at = 0; at + noun.length <= lower.length; at++) {
      if (!noun.every((w, i) => lower[at + i] === w)) continue;
      const rest = [...id.slice(0, at), ...id.slice(at + noun.length)];
      while (rest.length > 1 && LINKS.has(rest[rest.length - 1]!.toLowerCase())) rest.pop();
      while (rest.length > 1 && LINKS.has(rest[0]!.toLowerCase())) rest.shift();
      if (rest.length) return rest;
    }
  }
  throw new NamingError(
    `operationId "${operationId}" does not name the noun of its tag "${tag}" (${plural.join(' ')} or ${singular.join(' ')}), ` +
      'so it has no method name: rename the operationId or retag it',
  );
}
