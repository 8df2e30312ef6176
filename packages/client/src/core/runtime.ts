/**
 * The runtime that runs, for the User-Agent header: ` node/v20.x`, ` bun/1.x` or ` deno/2.x`. Bun and Deno also
 * define `process.version` (as the Node version they mimic), so they come first.
 */
export function runtime(): string {
  const g = globalThis as { Bun?: { version?: string }; Deno?: { version?: { deno?: string } }; process?: { versions?: { node?: string } } };
  if (g.Bun?.version) return ` bun/${g.Bun.version}`;
  if (g.Deno?.version?.deno) return ` deno/${g.Deno.version.deno}`;
  if (g.process?.versions?.node) return ` node/v${g.process.versions.node}`;
  return '';
}
