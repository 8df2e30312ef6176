import { VERSION } from '../generated/version.js';

/** `vps-org-client/0.1.0 node/v20.20.2 my-tool/1.2`: who is calling, for the API's logs and support. */
export function userAgent(suffix?: string): string {
  const runtime = typeof process === 'object' && process.version ? ` node/${process.version}` : '';
  return `vps-org-client/${VERSION}${runtime}${suffix ? ` ${suffix}` : ''}`;
}
