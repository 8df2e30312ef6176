import type { SpecChange } from './diff.js';

const SECTIONS = [
  ['operation', 'Operations'],
  ['request', 'Requests'],
  ['response', 'Answers'],
] as const;

/** `pnpm spec:diff`'s report: the changes by side, breaking first, one line each. */
export function formatChanges(changes: SpecChange[]): string {
  const breaking = changes.filter((c) => c.breaking).length;
  const lines = [`${changes.length} API change(s) since the released spec, ${breaking} breaking`];
  for (const [side, title] of SECTIONS) {
    const mine = changes.filter((c) => c.side === side).sort((a, b) => Number(b.breaking) - Number(a.breaking));
    if (!mine.length) continue;
    lines.push('', title);
    for (const c of mine) lines.push(`  ${c.breaking ? 'BREAKING    ' : 'non-breaking'}  ${c.text}`);
  }
  return lines.join('\n') + '\n';
}
