// The client's documented naming (issue 3, "Names follow operationIds"), derived here on our own rather than read
// from the client's generated map, so a client that names a method differently (or forgets one) fails the tests.
//   resource: the tag in camelCase            `DNS Zones` -> `dnsZones`
//   method:   the operationId without the tag's noun, plural or singular
//             `listServers` -> `list`, `createDnsZoneRecord` -> `createRecord`, `listDnsZoneRecords` -> `listRecords`

const words = (text: string): string[] => text.split(/[^A-Za-z0-9]+/).filter(Boolean);
const capital = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
const camel = (parts: string[]): string =>
  parts.map((w, i) => (i === 0 ? w.toLowerCase() : capital(w))).join('');

/** `DNS Zones` -> `dnsZones`. */
export function resourceName(tag: string): string {
  return camel(words(tag));
}

/** `listDnsZoneRecords` -> `['list', 'Dns', 'Zone', 'Records']`. */
function camelWords(identifier: string): string[] {
  return identifier.match(/[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])/g) ?? [];
}

/** The method an operation becomes on its resource; throws when the operationId does not name the tag's noun. */
export function methodName(operationId: string, tag: string): string {
  const id = camelWords(operationId).map((w) => w.toLowerCase());
  const plural = words(tag).map((w) => w.toLowerCase());
  const singular = [...plural.slice(0, -1), plural[plural.length - 1]!.replace(/s$/, '')];
  for (const noun of [plural, singular]) {
    for (let at = 1; at + noun.length <= id.length; at++) {
      if (noun.every((w, i) => id[at + i] === w)) {
        return camel([...id.slice(0, at), ...id.slice(at + noun.length)]);
      }
    }
  }
  throw new Error(`operationId ${operationId} does not name the noun of its tag "${tag}"`);
}

/** Where the client should expose an operation: `vps[resource][method]`. */
export function clientName(op: { operationId: string; tags: string[] }): { resource: string; method: string } {
  const [tag] = op.tags;
  if (!tag) throw new Error(`${op.operationId} has no tag, so no resource`);
  return { resource: resourceName(tag), method: methodName(op.operationId, tag) };
}
