// The three pages as built: each prerendered by its own Redoc build (its text in the HTML), with the same samples
// and options, its own language, title, definition and labels, alternate links, hash menu links, and the switcher
// linking the other pages' index.html.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listOperations } from '@vps-org/openapi';
import { LOCALES } from '@vps-org/openapi/i18n';
import { codeSamplesByOperation } from '../samples/index.js';
import { withChangelog } from './changelog.js';
import { decorate } from './decorate.js';
import { DOCS_LOCALES, docsLocale, pageLink } from './locales.js';
import { addSwitcher, alignSectionAnchors, alternateLinks, hashLinks, localizePage, scriptJson } from './localize.js';
import { LABELS_GLOBAL } from './labels-patch.js';
import { checkOffline } from './offline.js';
import { labelsOf, localizedBundle, readBundle } from './site.js';
import { redocLiteral, shippedSamples } from './shipped.js';
import { switcherHtml } from './switcher.js';

const page = (dir: string) => {
  const url = new URL(`../../dist/${dir}index.html`, import.meta.url);
  try {
    return readFileSync(url, 'utf8');
  } catch {
    throw new Error(`dist/${dir}index.html is missing: run \`pnpm --filter @vps-org/docs build\``);
  }
};
const english = readBundle(docsLocale('en'));
const englishPage = page('');

describe('the docs locales', () => {
  it('are English plus every locale the spec is translated into', () => {
    expect(DOCS_LOCALES.map((l) => l.id)).toEqual(['en', ...LOCALES]);
  });

  it('link each page to the others relatively, to their index.html', () => {
    const [en, ko, fr] = ['en', 'ko', 'fr'].map(docsLocale) as [ReturnType<typeof docsLocale>, ReturnType<typeof docsLocale>, ReturnType<typeof docsLocale>];
    expect(pageLink(en, ko)).toBe('ko/index.html');
    expect(pageLink(ko, en)).toBe('../index.html');
    expect(pageLink(ko, fr)).toBe('../fr/index.html');
    expect(pageLink(fr, en)).toBe('../index.html');
  });

  it('refuse an unknown locale by name', () => {
    expect(() => docsLocale('de')).toThrow('Unknown docs locale "de": expected one of en, ko, fr');
  });
});

describe('switcherHtml', () => {
  it('links the other languages, each in its own language, and marks the current one', () => {
    const html = switcherHtml(docsLocale('ko'));
    expect(html).toContain('<nav class="vps-lang" aria-label="언어">');
    expect(html).toContain('<a href="../index.html" data-page="../index.html" hreflang="en" lang="en">English</a>');
    expect(html).toContain('<a href="../fr/index.html" data-page="../fr/index.html" hreflang="fr" lang="fr">Français</a>');
    expect(html).toContain('<span lang="ko" aria-current="page">한국어</span>');
    expect(html).not.toContain('href="index.html"');
  });
});

describe('localizePage', () => {
  it('fails naming what the Redoc page no longer has, instead of publishing a half-translated page', () => {
    const ko = docsLocale('ko');
    const none = { labels: {}, texts: {} };
    expect(() => localizePage('<html lang="en"><title>x</title>', ko, none)).toThrow(/0 description meta tags \(expected 1\)/);
    expect(() => localizePage(englishPage.replace('<title>', '<title>a</title><title>'), ko, none)).toThrow(/2 <title> tags/);
    expect(() => hashLinks('<body></body>')).toThrow(/no <div id="redoc">/);
    expect(() => addSwitcher('<body></body>', ko)).toThrow(/no <div id="redoc">/);
  });

  it('writes a definition that cannot end its <script>', () => {
    const json = scriptJson({ a: '</script><script>alert(1)</script>', b: '\u2028' });
    expect(json).not.toMatch(/<|\u2028/);
    expect(JSON.parse(json)).toEqual({ a: '</script><script>alert(1)</script>', b: '\u2028' });
  });
});

describe('alternateLinks and hashLinks', () => {
  it('link every language and x-default relatively, from any page', () => {
    expect(alternateLinks(docsLocale('ko'))).toBe([
      '<link rel="alternate" hreflang="en" href="../index.html">',
      '<link rel="alternate" hreflang="ko" href="../ko/index.html">',
      '<link rel="alternate" hreflang="fr" href="../fr/index.html">',
      '<link rel="alternate" hreflang="x-default" href="../index.html">',
    ].join('\n  '));
  });

  it("turn Redoc's site-root menu links into the hash routes it uses in the browser, and nothing else", () => {
    const page = '<a href="/x">out</a><div id="redoc"><a href="/section/errors">E</a><a href="//cdn">c</a><a href="#/">l</a><a href="https://a.b/">u</a></div><script type="module">"/y"</script>';
    expect(hashLinks(page)).toBe('<a href="/x">out</a><div id="redoc"><a href="#/section/errors">E</a><a href="//cdn">c</a><a href="#/">l</a><a href="https://a.b/">u</a></div><script type="module">"/y"</script>');
  });
});

describe('alignSectionAnchors', () => {
  const en = '# Authentication\n\nText.\n\n```sh\n# not a heading\n```\n\n## DNS record types\n';

  it('gives each translated heading the anchor of its English one, skipping code', () => {
    const ko = '# 인증\n\n본문.\n\n```sh\n# 제목 아님\n```\n\n## DNS 레코드 유형\n';
    expect(alignSectionAnchors(ko, en, 'ko')).toBe(
      '# 인증{% id="section/authentication" %}\n\n본문.\n\n```sh\n# 제목 아님\n```\n\n## DNS 레코드 유형{% id="section/dns-record-types" %}\n',
    );
  });

  it('fails naming both outlines when the headings do not match one for one', () => {
    expect(() => alignSectionAnchors('# 인증\n', en, 'ko')).toThrow(/ko introduction's headings do not match[\s\S]*ko: # 인증\n {2}en: # Authentication \| ## DNS record types/);
  });
});

describe.each(DOCS_LOCALES)('the built $id page', (locale) => {
  const html = page(locale.dir);
  const bundle = locale.id === 'en' ? english : localizedBundle(locale, english);

  it('passes the offline checks and says its language and title', () => {
    checkOffline(html);
    expect(html.includes(`<html lang="${locale.lang}">`)).toBe(true);
    expect(html.includes(`<title>${locale.title}</title>`)).toBe(true);
  });

  it('is built from the current translated spec, with the English code samples (a stale build fails here)', () => {
    const expected = JSON.stringify(withChangelog(decorate(bundle, codeSamplesByOperation(english)), locale.id));
    const stale = `dist/${locale.dir} is older than the spec: run \`pnpm --filter @vps-org/docs build\``;
    expect(JSON.stringify(redocLiteral(html, '__redoc_definition')) === expected, stale).toBe(true);
    const copy = readFileSync(new URL(`../../dist/${locale.dir}openapi.json`, import.meta.url), 'utf8');
    expect(JSON.stringify(JSON.parse(copy)) === expected, stale).toBe(true);
  });

  it('shows the same samples and Redoc options as the English page', () => {
    expect(shippedSamples(html)).toEqual(shippedSamples(englishPage));
    expect(redocLiteral(html, '__redoc_options')).toEqual(redocLiteral(englishPage, '__redoc_options'));
  });

  it('titles each operation in its language, under the same anchors', () => {
    const ops = listOperations(redocLiteral(html, '__redoc_definition'));
    const en = listOperations(english);
    expect(ops.map((op) => [op.operationId, op.tag])).toEqual(en.map((op) => [op.operationId, op.tag]));
    if (locale.id !== 'en') ops.forEach((op, i) => expect(op.summary, op.operationId).not.toBe(en[i]!.summary));
  });

  it('is prerendered in its language: the menu, the introduction and the labels are in the HTML itself', () => {
    const markup = html.slice(html.indexOf('<div id="redoc">'), html.indexOf('<script type="module">'));
    const text = markup.replace(/<script\b[\s\S]*?<\/script>/g, '').replace(/<[^>]+>/g, ' ');
    for (const tag of bundle.tags) expect(text, tag.name).toContain(tag['x-displayName'] ?? tag.name);
    const firstHeading = /^# (.*?)(\{%.*)?$/m.exec(bundle.info.description)?.[1];
    expect(text).toContain(firstHeading);
    expect(text).toContain(locale.id === 'en' ? 'Overview' : String(labelsOf(locale).labels['info.title']));
  });

  it('has alternate links to the three languages and x-default, menu links that work in a new tab, and its labels', () => {
    expect(html).toContain(alternateLinks(locale));
    const markup = html.slice(html.indexOf('<div id="redoc">'), html.indexOf('<script type="module">'));
    expect(markup.match(/href="\/(?!\/)[^"]*"/g) ?? []).toEqual([]);
    expect(markup).toContain('href="#/section/errors"');
    const set = new RegExp(`globalThis\\.${LABELS_GLOBAL} = (.*);</script>`).exec(html);
    expect(JSON.parse(set?.[1] ?? 'null')).toEqual(labelsOf(locale).labels);
  });

  it('carries the switcher to the other two pages', () => {
    for (const other of DOCS_LOCALES.filter((l) => l.id !== locale.id)) {
      expect(html.includes(`href="${pageLink(locale, other)}"`), other.id).toBe(true);
    }
  });
});
