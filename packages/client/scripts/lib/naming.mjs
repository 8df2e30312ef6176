// How the spec's tags and operationIds become resource and method names (see the README's table).

/** `DNS Zones` -> `DnsZones`. */
export function pascalCase(text) {
  return text
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0].toUpperCase() + word.slice(1).toLowerCase())
    .join('');
}

/** `DNS Zones` -> `dnsZones`, `server_id` -> `serverId`. */
export function camelCase(text) {
  const pascal = text.includes('_') || text.includes(' ') ? pascalCase(text) : text[0].toUpperCase() + text.slice(1);
  return pascal[0].toLowerCase() + pascal.slice(1);
}

/** The client property of a tag: `DNS Zones` -> `dnsZones`. */
export function resourceName(tag) {
  return camelCase(pascalCase(tag));
}

/**
 * The method name of an operation: its operationId without the resource's noun, plural or singular
 * (`listServers` -> `list`, `createDnsZoneRecord` -> `createRecord`). An operationId that does not name its
 * resource fails the build rather than producing a surprising method name.
 */
export function methodName(operationId, tag) {
  const plural = pascalCase(tag);
  const singular = plural.replace(/s$/, '');
  for (const noun of [plural, singular]) {
    for (let at = operationId.indexOf(noun); at > 0; at = operationId.indexOf(noun, at + 1)) {
      const next = operationId[at + noun.length];
      // The noun must be a whole word of the camelCase id: `DnsZone` in `listDnsZoneRecords`, not in `DnsZoned`.
      if (next === undefined || (next >= 'A' && next <= 'Z')) {
        return operationId.slice(0, at) + operationId.slice(at + noun.length);
      }
    }
  }
  throw new Error(`operationId "${operationId}" does not name the resource of its tag "${tag}" (${plural} or ${singular})`);
}
