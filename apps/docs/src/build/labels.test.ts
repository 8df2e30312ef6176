// Redoc's labels in the page's language: the translate stub patched alike in both of Redoc's builds, the
// post-render templates, and the samples-by-example edits, each refusing a Redoc it no longer recognises.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { uiLabels } from '@vps-org/openapi/i18n';
import { applyTextRules, textRules } from './labels-pass.js';
import { LABELS_GLOBAL, patchTranslateStub } from './labels-patch.js';
import { patchSamplesByExample } from './samples-patch.js';

const require = createRequire(import.meta.url);
const chunks = join(dirname(require.resolve('@redocly/cli/package.json')), 'lib/chunks');
const browserBundle = readFileSync(join(chunks, 'redoc.standalone.js'), 'utf8');

/** The stub as each of Redoc's builds writes it (quote styles differ), wrapped so it can be called. */
const STUBS = {
  server: 'useTranslate:()=>({translate:(e,t)=>(typeof t=="string"?t:t?.defaultValue)||e||""})',
  browser: 'useTranslate:()=>({translate:(e,t)=>(typeof t==`string`?t:t?.defaultValue)||e||``})',
};
const translator = (source: string) => {
  const hooks = new Function(`return {${patchTranslateStub(source, 'test')}}`)() as { useTranslate: () => { translate: (k: string, d?: unknown) => string } };
  return hooks.useTranslate().translate;
};

describe('patchTranslateStub', () => {
  it.each(Object.entries(STUBS))('makes the %s stub read the dictionary first, by key or by English text', (_, stub) => {
    const g = globalThis as Record<string, unknown>;
    g[LABELS_GLOBAL] = { responses: '응답', contentType: { 'Request media type': '요청 미디어 유형' } };
    try {
      const t = translator(stub);
      expect(t('responses', 'Responses')).toBe('응답');
      expect(t('contentType', 'Request media type')).toBe('요청 미디어 유형');
      expect(t('contentType', 'Response media type')).toBe('Response media type');
      expect(t('loading', { defaultValue: 'Loading...' })).toBe('Loading...');
      expect(t('no.default')).toBe('no.default');
    } finally {
      delete g[LABELS_GLOBAL];
    }
    expect(translator(stub)('responses', 'Responses')).toBe('Responses');
  });

  it('finds exactly one stub in the browser bundle @redocly/cli ships, and refuses code without one', () => {
    expect(patchTranslateStub(browserBundle, 'bundle')).toContain(LABELS_GLOBAL);
    expect(() => patchTranslateStub('translate:(e,t)=>t', 'A Redoc bundle')).toThrow(/A Redoc bundle has 0 Redoc translate stubs \(expected 1\)/);
    expect(() => patchTranslateStub(STUBS.server + STUBS.browser, 'Twice')).toThrow(/2 Redoc translate stubs/);
  });
});

describe('the post-render templates', () => {
  const rules = { ko: textRules(uiLabels('ko').texts), fr: textRules(uiLabels('fr').texts) };

  it.each([
    ['Array of objects', '객체 배열', "Tableau d'objets"],
    ['Array of strings', 'strings 배열', 'Tableau de strings'],
    ['string or null, (ipv4)', 'string 또는 null, (ipv4)', 'string ou null, (ipv4)'],
    ['string, [ 1 .. 253 ] characters', 'string, [ 1 .. 253 ]자', 'string, [ 1 .. 253 ] caractères'],
    ['string or null, (hostname), <= 253 characters', 'string 또는 null, (hostname), <= 253자', 'string ou null, (hostname), <= 253 caractères'],
    ['Enum:', '허용 값:', 'Valeurs possibles\u00a0:'],
    ['link to record_type', 'record_type 링크', 'Lien vers record_type'],
    ['record_type', 'record_type', 'record_type'],
  ])('turn %j into %j and %j', (english, ko, fr) => {
    expect(applyTextRules(english, rules.ko)).toBe(ko);
    expect(applyTextRules(english, rules.fr)).toBe(fr);
  });

  it('refuse a translation that names a placeholder its English lacks', () => {
    expect(() => textRules({ 'Array of {type}': '{kind} 배열' })).toThrow(/uses \{kind\}, which its English "Array of \{type\}" does not have/);
  });
});

describe('patchSamplesByExample', () => {
  it('applies both edits to the bundle @redocly/cli ships, and names the one it cannot find', () => {
    const patched = patchSamplesByExample(browserBundle);
    expect(patched).toContain('"x-example":x');
    expect(patched).toContain('e.example===ne');
    expect(() => patchSamplesByExample(browserBundle.replace('[ee,O,n])', '[ee,O])'))).toThrow(
      /0 copies of the sample chosen for the active language \(expected 1\)/);
  });
});
