import { DnsError } from '../errors.js';

/** A zone file that cannot be used as a whole; the message starts with `file:line:`. */
export class ZoneFileError extends DnsError {
  override name = 'ZoneFileError';
  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}: ${reason}`);
  }
}
