// Records VPS.org itself keeps in every zone: not the user's to plan, so left out on both sides of a plan.

// The reference queries `ns1.vps.org`; its siblings (`ns2.vps.org`...) follow the same pattern (inferred).
const PROVIDER_NAMESERVER = /^ns\d+\.vps\.org\.?$/i;

export function isProviderNameserver(host: string): boolean {
  return PROVIDER_NAMESERVER.test(host);
}

/** An apex NS record pointing at one of VPS.org's nameservers. */
export function isProviderRecord(record: { name: string; type: string; value: string }): boolean {
  return record.type === 'NS' && record.name === '@' && isProviderNameserver(record.value);
}
