// The Changelog section: spec/CHANGELOG.md under the introduction's last heading, in every language page.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CHANGELOG_HEADINGS, changelogMarkdown, readChangelog, withChangelog } from './changelog.js';
import { DOCS_LOCALES } from './locales.js';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
// What `pnpm version-packages` writes: the API changes (packages/contract), then changesets' notes.
const released = `# @vps-org/openapi

## 0.2.0

### API changes

#### Breaking

- \`DELETE /api/v1/servers/{server_id}/\`: removed

#### Other changes

- \`GET /api/v1/servers/{server_id}/\`: the answer has a new field \`ipv6_extra\`

### Minor Changes

- 1a2b3c4: Servers tell their extra IPv6 address.

## 0.1.0

The first version.
`;

describe('the Changelog section', () => {
  it('translates the changelog\'s own headings and keeps its entries as written', () => {
    const ko = changelogMarkdown(released, 'ko');
    expect(ko.startsWith('## 0.2.0\n\n### API 변경 사항\n\n#### 호환성이 깨지는 변경\n')).toBe(true);
    expect(ko).toContain('#### 그 밖의 변경\n\n- `GET /api/v1/servers/{server_id}/`: the answer has a new field `ipv6_extra`');
    expect(ko).toContain('### 기능 변경\n\n- 1a2b3c4: Servers tell their extra IPv6 address.');
    expect(changelogMarkdown(released, 'en')).toBe(released.slice(released.indexOf('## 0.2.0')).trim());
    expect(changelogMarkdown('# @vps-org/openapi\n', 'fr')).toBe('');
  });

  it('has every heading in every translated language', () => {
    const keys = Object.keys(CHANGELOG_HEADINGS.ko).sort();
    for (const locale of DOCS_LOCALES.filter((l) => l.id !== 'en')) {
      const words = (CHANGELOG_HEADINGS as Record<string, Record<string, string>>)[locale.id];
      expect(Object.keys(words ?? {}).sort(), locale.id).toEqual(keys);
    }
  });

  it('comes last in the introduction, without touching the definition it is given', () => {
    const definition = { info: { description: '# Intro\n\nText.\n\n# Changelog\n\nWhat changed.\n' } };
    const copy = withChangelog(definition, 'fr', released);
    expect(definition.info.description).toBe('# Intro\n\nText.\n\n# Changelog\n\nWhat changed.\n');
    expect(copy.info.description).toBe(`# Intro\n\nText.\n\n# Changelog\n\nWhat changed.\n\n${changelogMarkdown(released, 'fr')}\n`);
  });

  it.each(DOCS_LOCALES.map((l) => [l.id, l.dir] as const))('the built %s page shows the spec package\'s changelog under its translated heading', (_id, dir) => {
    const { info } = JSON.parse(readFileSync(join(dist, dir, 'openapi.json'), 'utf8')) as { info: { description: string } };
    const headings = [...info.description.matchAll(/^# (.+?)(\{%.*%\})?$/gm)].map((m) => m[1]);
    const last = headings.at(-1)!;
    expect({ en: 'Changelog', ko: '변경 내역', fr: 'Journal des modifications' }[_id]).toBe(last);
    const section = info.description.slice(info.description.lastIndexOf(`# ${last}`));
    expect(section).toContain(changelogMarkdown(readChangelog(), _id));
    expect(section).toMatch(/^## 0\.1\.0$/m);
  });
});
