// Redoc's interface labels and the glossary: the committed files pass, and each kind of mistake is named.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkGlossary, frenchTypography, proseOf, readGlossary } from '../../src/i18n/glossary.js';
import { loadLocale, LOCALES, LOCALES_DIR } from '../../src/i18n/locale.js';
import { parseOverlay } from '../../src/i18n/overlay.js';
import { checkUiLabels, readUiLabels, uiLabelsPath, UiLabelsError } from '../../src/i18n/ui.js';

const dir = fileURLToPath(new URL('../../test-artifacts/i18n-ui/', import.meta.url));

beforeAll(() => {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(uiLabelsPath('en', dir), readFileSync(uiLabelsPath('en'), 'utf8'));
  const ko = readFileSync(uiLabelsPath('ko'), 'utf8');
  const broken = ko
    .replace('  responses: 응답\n', '')
    .replace('    Response media type: 응답 미디어 유형\n', '')
    .replace("  Array of {type}: '{type} 배열'", "  Array of {type}: '배열'")
    .replace('labels:\n', 'labels:\n  sneaky.extra: 덤\n');
  expect(broken).not.toBe(ko);
  writeFileSync(uiLabelsPath('ko', dir), broken);
  writeFileSync(uiLabelsPath('fr', dir), 'labels: [Requête]\n');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the interface labels', () => {
  it.each(LOCALES)('of %s translate every label and text of ui.en.yaml', (locale) => {
    expect(checkUiLabels(locale)).toEqual([]);
    const { labels, texts } = readUiLabels(locale);
    expect(labels.responses).not.toBe('Responses');
    expect(Object.keys(texts)).toContain('Array of {type}');
  });

  it('names a missing label, a missing text of a shared key, a dropped placeholder and an extra key', () => {
    expect(checkUiLabels('ko', dir)).toEqual([
      'missing  labels.responses  English: "Responses"',
      'missing  labels.contentType."Response media type"',
      'extra    labels.sneaky.extra  not in ui.en.yaml',
      'template texts."Array of {type}"  "배열" must use the placeholders of the English',
    ]);
  });

  it('refuses a file that is not a map of labels, naming it', () => {
    expect(() => readUiLabels('fr', dir)).toThrow(UiLabelsError);
    expect(() => readUiLabels('fr', dir)).toThrow(/ui\.fr\.yaml: expected a `labels:` map/);
  });
});

describe('the glossary and French typography', () => {
  const glossary = readGlossary();

  it.each(LOCALES)('hold in the committed %s overlay', (locale) => {
    expect(checkGlossary(locale, loadLocale(locale), glossary)).toEqual([]);
  });

  it('reads 401 as an authentication failure and 403 as a missing permission', () => {
    const overlay = (ko: string, fr: string, en: string) => (locale: 'ko' | 'fr') => parseOverlay(`overlay: 1.0.0
info: { title: t, version: 1.0.0 }
actions:
  - target: $.components.responses.Unauthorized
    update:
      description: "${locale === 'ko' ? ko : fr}"
    x-source:
      description: "${en}"
`, `${locale}.overlay.yaml`);
    const wrong = overlay('권한 없음: API 토큰이 없습니다.', 'Non autorisé\u00a0: jeton absent.', 'Unauthorized: the API token is missing.');
    expect(checkGlossary('ko', wrong('ko'), glossary)).toEqual([
      'glossary /components/responses/Unauthorized/description  (ko.overlay.yaml:4)  "Unauthorized" must read "인증 실패"',
    ]);
    expect(checkGlossary('fr', wrong('fr'), glossary)[0]).toMatch(/"Unauthorized" must read "Authentification impossible"/);
    const right = overlay('인증 실패: API 토큰이 없습니다.', 'Authentification impossible\u00a0: jeton absent.', 'Unauthorized: the API token is missing.');
    expect(checkGlossary('ko', right('ko'), glossary)).toEqual([]);
    expect(checkGlossary('fr', right('fr'), glossary)).toEqual([]);
  });

  it('wants a no-break space before French : ; ? ! in prose, and leaves code, URLs and tables alone', () => {
    expect(frenchTypography('Paiement requis : solde insuffisant')).toEqual([
      'a plain space before ":" in "…ement requis :" (use U+00A0 before ":", U+202F before ";?!")',
    ]);
    expect(frenchTypography('Attention: ceci')).toHaveLength(1);
    expect(frenchTypography('Vraiment ?')).toHaveLength(1);
    expect(frenchTypography('Paiement requis\u00a0: solde\u202f; vraiment\u202f?')).toEqual([]);
    expect(frenchTypography('Voir `Authorization: Bearer x` et https://admin.vps.org/ : ok'.replace(' : ok', '\u00a0: ok'))).toEqual([]);
    expect(frenchTypography('| :--- | ---: |')).toEqual([]);
    expect(proseOf('a ```\nx: y\n``` b')).not.toContain('x: y');
  });

  it('is read from the folder of the overlays', () => {
    expect(glossary.find((t) => t.en === 'Forbidden')).toEqual({ en: 'Forbidden', ko: ['권한 없음'], fr: ['Permission refusée'] });
    expect(LOCALES_DIR).toMatch(/locales\/$/);
  });
});
