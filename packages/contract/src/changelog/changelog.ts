import type { SpecChange } from '../diff/diff.js';

/** The API's changes for `spec/CHANGELOG.md`, in words for API users: breaking ones first, then the rest. */
export function changelogSection(changes: SpecChange[]): string {
  if (!changes.length) return '';
  const list = (cs: SpecChange[]) => cs.map((c) => `- ${c.text}`).join('\n');
  const breaking = changes.filter((c) => c.breaking);
  const other = changes.filter((c) => !c.breaking);
  const parts = ['### API changes', ''];
  if (breaking.length) parts.push('#### Breaking', '', list(breaking), '');
  if (other.length) parts.push('#### Other changes', '', list(other), '');
  return parts.join('\n');
}

/**
 * Puts the section under the version's heading that `changeset version` wrote (`## 0.2.0`), before the changesets'
 * own notes. A changelog without that heading gets one, so the API's changes are never dropped.
 */
export function insertSection(changelog: string, version: string, section: string): string {
  if (!section) return changelog;
  const heading = new RegExp(`^## ${version.replaceAll('.', '\\.')}\\s*$`, 'm');
  const match = heading.exec(changelog);
  if (!match) {
    const title = /^# .*\n/.exec(changelog);
    const at = title ? title.index + title[0].length : 0;
    return `${changelog.slice(0, at)}\n## ${version}\n\n${section}\n${changelog.slice(at)}`;
  }
  const at = match.index + match[0].length;
  return `${changelog.slice(0, at)}\n\n${section}${changelog.slice(at)}`;
}
