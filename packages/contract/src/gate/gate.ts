import type { SpecChange } from '../diff/diff.js';

/** A pending changeset, as `@changesets/read` gives it: its file id and the bump it asks of each package. */
export interface PendingChangeset {
  id: string;
  releases: { name: string; type: 'major' | 'minor' | 'patch' | 'none' }[];
  /** The changeset's text; a line `Not breaking: <JSON pointer>` records a person's review of a flagged change. */
  summary?: string;
}

/**
 * The changes a person has reviewed as not breaking, by JSON pointer: lines `Not breaking: <pointer> <why>` in a
 * pending changeset. The tool judges a schema change by its keywords (a `pattern` added where a `format` was is
 * "narrower" to it even when the pattern accepts more); the review is kept with the change and goes with the release.
 */
export function reviewedNotBreaking(changesets: PendingChangeset[]): Set<string> {
  const pointers = new Set<string>();
  for (const c of changesets) {
    for (const [, pointer] of (c.summary ?? '').matchAll(/^Not breaking: `?(\/[^`\s]+)`?/gim)) pointers.add(pointer!);
  }
  return pointers;
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
  const reviewed = reviewedNotBreaking(changesets);
  const breaking = changes.filter((c) => c.breaking && !reviewed.has(c.pointer));
  const waived = changes.filter((c) => c.breaking && reviewed.has(c.pointer)).length;
  const lines: string[] = [];
  if (breaking.length) {
    const short = BREAKING_PACKAGES.filter((p) => pendingBump(changesets, p) !== 'major');
    if (short.length) {
      const way =
        `add a changeset (pnpm changeset) with ${short.map((p) => `'${p}': major`).join(', ')}, or undo the change` +
        ' (or, if it is not breaking, a changeset line `Not breaking: <pointer> <why>`)';
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
  const review = waived ? `, ${waived} more reviewed as not breaking` : '';
  return { ok: true, lines: [`spec:check: ${changes.length} API change(s), ${breaking.length} breaking${review}, declared by the pending changesets (${declared})`] };
}
