/** Every error of this package: its message is one line meant for people (no stack needed). */
export class DnsError extends Error {
  override name = 'DnsError';
}

/** ZONE names no zone of the account. */
export class ZoneNotFoundError extends DnsError {
  override name = 'ZoneNotFoundError';
}
