import { VpsConfigError } from './errors/vps-error.js';

// Printable ASCII only: a NUL or a character above U+00FF cannot go into an HTTP header, and fetch would fail later
// with a message that quotes the header value, token included.
const TOKEN_SHAPE = /^vps_[\x21-\x7e]+$/;

/**
 * Throws unless `token` looks like a VPS.org API token. The message describes the expected shape and never
 * repeats the value: a token pasted into the wrong variable must not end up in logs.
 */
export function assertToken(token: unknown): asserts token is string {
  if (typeof token !== 'string' || !TOKEN_SHAPE.test(token)) {
    throw new VpsConfigError(
      'token',
      '`token` must be a VPS.org API token: a string that starts with "vps_", of printable ASCII with no spaces or line ' +
        'breaks (generate one at https://admin.vps.org/account/developers/).',
    );
  }
}
