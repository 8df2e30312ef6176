import type { SpecChange } from '../diff/diff.js';

/** A pending changeset, as `@changesets/read` gives it: its file id and the bump it asks of each package. */
export interface PendingChangeset {
  id: string;
  releases: { name: string; type: 'major' | 'minor' | 'patch' | 'none' }[];
}

/**
 * The published packages made from the spec or serving it: a breaking change of the API changes each one's public
 * surface (the bundle, the client's types and methods, the CLI's commands and flags, what the mock accepts and answers).
 */
export const BREAKING_PACKAGES = ['@vps-org/openapi', '@vps-org/client', '@vps-org/cli', '@vps-org/mock'] as const;
/** The package whose changelog lists the API's changes: any change of the contract needs a changeset of it. */
export const SPEC_PACKAGE = '@vps-org/openapi';

export interface GateResult {
  ok: boolean;
  /** One line per problem (the change and the way out), or one line saying why it passes. */
  lines: string[];
}

const RANK = { none: 0, patch: 1, minor: 2, major: 3 } as const;

/** The highest bump the pending changesets ask of a package, as `changeset version` will apply it. */
export function pendingBump(changesets: PendingChangeset[], name: string): keyof typeof RANK {
  let best: keyof typeof RANK = 'none';
  for (const c of changesets) for (const r of c.releases) if (r.name === name && RANK[r.type] > RANK[best]) best = r.type;
  return best;
}

/**
 * Every pending changeset in `.changeset/` counts: the released spec moves only when `pnpm version-packages`
 * consumes them all, so what changed since then ships with whatever they ask for.
 */
export function checkGate(changes: SpecChange[], changesets: PendingChangeset[]): GateResult {
  if (changes.length === 0) return { ok: true, lines: ['spec:check: the API is as released (spec/released/openapi.json); nothing to declare'] };
  const breaking = changes.filter((c) => c.breaking);
  const lines: string[] = [];
  if (breaking.length) {
    const short = BREAKING_PACKAGES.filter((p) => pendingBump(changesets, p) !== 'major');
    if (short.length) {
      const way = `add a changeset (pnpm changeset) with ${short.map((p) => `'${p}': major`).join(', ')}, or undo the change`;
      for (const c of breaking) lines.push(`spec:check: breaking ${c.side} change ${c.text} (${c.pointer}); ${way}`);
    }
  }
  if (pendingBump(changesets, SPEC_PACKAGE) === 'none') {
    const first = changes[0]!;
    lines.push(
      `spec:check: ${changes.length} API change(s) and no changeset for ${SPEC_PACKAGE}, e.g. ${first.text}; add a patch or minor changeset (pnpm changeset) for ${SPEC_PACKAGE}`,
    );
  }
  if (lines.length) return { ok: false, lines };
  const declared = BREAKING_PACKAGES.map((p) => `${p} ${pendingBump(changesets, p)}`).join(', ');
  return { ok: true, lines: [`spec:check: ${changes.length} API change(s), ${breaking.length} breaking, declared by the pending changesets (${declared})`] };
}
