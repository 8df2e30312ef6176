// The docs' Changelog section: the spec package's CHANGELOG.md (the API changes `pnpm version-packages` writes,
// then the release notes), appended under the introduction's last heading, "Changelog", which the spec's overlays
// translate. The entries stay English; the headings the changelog writer and changesets use are translated here.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** The fixed headings of spec/CHANGELOG.md, per language; a heading not listed stays as written. */
export const CHANGELOG_HEADINGS = {
  ko: {
    'API changes': 'API 변경 사항',
    Breaking: '호환성이 깨지는 변경',
    'Other changes': '그 밖의 변경',
    'Major Changes': '주요 변경',
    'Minor Changes': '기능 변경',
    'Patch Changes': '수정 사항',
  },
  fr: {
    'API changes': "Changements de l'API",
    Breaking: 'Changements incompatibles',
    'Other changes': 'Autres changements',
    'Major Changes': 'Changements majeurs',
    'Minor Changes': 'Changements mineurs',
    'Patch Changes': 'Correctifs',
  },
};

/** The spec package's CHANGELOG.md. */
export function readChangelog() {
  return readFileSync(join(dirname(require.resolve('@vps-org/openapi/package.json')), 'CHANGELOG.md'), 'utf8');
}

/**
 * The releases of a CHANGELOG.md (from its first `## version` on), headings translated for `localeId`.
 * @param {string} changelog
 * @param {string} localeId
 */
export function changelogMarkdown(changelog, localeId) {
  const start = changelog.search(/^## /m);
  if (start < 0) return '';
  /** @type {Record<string, string>} */
  const words = CHANGELOG_HEADINGS[/** @type {keyof typeof CHANGELOG_HEADINGS} */ (localeId)] ?? {};
  return changelog
    .slice(start)
    .replace(/^(#{3,4}) (.+)$/gm, (line, hashes, text) => (words[text] ? `${hashes} ${words[text]}` : line))
    .trim();
}

/**
 * A copy of a page's definition with the releases under its introduction's "Changelog" section (its last heading).
 * @param {any} definition
 * @param {string} localeId
 * @param {string} [changelog]
 */
export function withChangelog(definition, localeId, changelog = readChangelog()) {
  const releases = changelogMarkdown(changelog, localeId);
  if (!releases) return definition;
  const doc = structuredClone(definition);
  doc.info.description = `${doc.info.description.trimEnd()}\n\n${releases}\n`;
  return doc;
}
