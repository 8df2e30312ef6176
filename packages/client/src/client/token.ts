const TOKEN_SHAPE = /^vps_\S+$/;

/**
 * Throws unless `token` looks like a VPS.org API token. The message describes the expected shape and never
 * repeats the value: a token pasted into the wrong variable must not end up in logs.
 */
export function assertToken(token: unknown): asserts token is string {
  if (typeof token !== 'string' || !TOKEN_SHAPE.test(token)) {
    throw new TypeError(
      'VpsClient: `token` must be a VPS.org API token: a string that starts with "vps_", with no spaces or line breaks ' +
        '(generate one at https://admin.vps.org/account/developers/).',
    );
  }
}
