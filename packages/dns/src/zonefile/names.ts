// Domain names in a zone file: `@` is the origin, a name without a trailing dot is relative to it.

const LABEL = /^(\*|[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)$/;

/** The fully qualified name (lower case, no trailing dot) a zone-file name stands for, or a reason it is bad. */
export function qualify(name: string, origin: string): { fqdn: string } | { error: string } {
  if (name === '@') return { fqdn: origin };
  const absolute = name.endsWith('.');
  const body = absolute ? name.slice(0, -1) : name;
  if (!body) return absolute ? { fqdn: '' } : { error: 'empty name' };
  for (const label of body.split('.')) {
    if (!LABEL.test(label)) return { error: `"${name}" is not a valid domain name` };
  }
  const lower = body.toLowerCase();
  return { fqdn: absolute ? lower : `${lower}.${origin}` };
}

/** `www.example.com` in the zone `example.com` -> `www`; the apex -> `@`; undefined when it is outside. */
export function relativeName(fqdn: string, zone: string): string | undefined {
  if (fqdn === zone) return '@';
  return fqdn.endsWith(`.${zone}`) ? fqdn.slice(0, -zone.length - 1) : undefined;
}
