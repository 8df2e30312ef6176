// The @vps-org/client method of an operation, from its tag and operationId (issue 3): the resource is the tag in
// camelCase (`DNS Zones` -> dnsZones), the method is the operationId's verb plus whatever the noun adds to the
// resource's name (createDnsZoneRecord -> dnsZones.createRecord, getServer -> servers.get).

/** @returns {{ resource: string, method: string }} */
export function clientCall(op) {
  const tag = op.tags?.[0];
  if (!tag) throw new Error(`${op.operationId} has no tag, so it has no client resource`);
  const resource = camel(tag);
  const [, verb, noun] = /^([a-z]+)([A-Z].*)$/.exec(op.operationId) ?? [];
  if (!verb) throw new Error(`operationId ${op.operationId} is not verb + noun`);
  const plural = resource[0].toUpperCase() + resource.slice(1);
  const singular = plural.replace(/s$/, '');
  let rest;
  if (noun === plural || noun === singular) rest = '';
  else if (noun.startsWith(singular)) rest = noun.slice(singular.length);
  else throw new Error(`operationId ${op.operationId} does not name its resource ${plural}`);
  return { resource, method: verb + rest };
}

function camel(words) {
  return words
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w, i) => (i === 0 ? w.toLowerCase() : w[0].toUpperCase() + w.slice(1).toLowerCase()))
    .join('');
}
