import { VERSION } from '../generated/version.js';

/** The runtime that runs: Bun and Deno also define `process.version` (as the Node version they mimic), so first. */
function runtime(): string {
  const g = globalThis as { Bun?: { version?: string }; Deno?: { version?: { deno?: string } }; process?: { versions?: { node?: string } } };
  if (g.Bun?.version) return ` bun/${g.Bun.version}`;
  if (g.Deno?.version?.deno) return ` deno/${g.Deno.version.deno}`;
  if (g.process?.versions?.node) return ` node/v${g.process.versions.node}`;
  return ''; // a browser, which does not let a page set User-Agent anyway
}

/** `vps-org-client/0.1.0 node/v20.20.2 my-tool/1.2`: who is calling, for the API's logs and support. */
export function userAgent(suffix?: string): string {
  return `vps-org-client/${VERSION}${runtime()}${suffix ? ` ${suffix}` : ''}`;
}
