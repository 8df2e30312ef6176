// Domain names in a zone file: `@` is the origin, a name without a trailing dot is relative to it.

// Any label BIND reads (printable, at most 63 characters): which of them the API holds is the API's rules' to say.
const LABEL = /^[\x21-\x7e]{1,63}$/;

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
  // Under `$ORIGIN .` (as `named-compilezone` writes) a relative name is the name itself.
  return { fqdn: absolute || !origin ? lower : `${lower}.${origin}` };
}

/** `www.example.com` in the zone `example.com` -> `www`; the apex -> `@`; undefined when it is outside. */
export function relativeName(fqdn: string, zone: string): string | undefined {
  if (fqdn === zone) return '@';
  return fqdn.endsWith(`.${zone}`) ? fqdn.slice(0, -zone.length - 1) : undefined;
}
