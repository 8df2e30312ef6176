import { VERSION } from '../generated/version.js';
import { runtime } from '#runtime';

/** `vps-org-client/0.1.0 node/v20.20.2 my-tool/1.2`: who is calling, for the API's logs and support. */
export function userAgent(suffix?: string): string {
  return `vps-org-client/${VERSION}${runtime()}${suffix ? ` ${suffix}` : ''}`;
}
