// Turns the page `redocly build-docs` prerendered for one language into the published page: its <html lang>, the
// alternate-language links, Redoc's labels in that language (labels-patch.js), menu links that open the same place
// in a new tab, the theme additions and the language switcher. Every step that depends on Redoc's output fails,
// naming what it no longer finds, rather than publishing a half-localized page.
import { labelsPassScript, textRules } from './labels-pass.js';
import { LABELS_GLOBAL, patchTranslateStub } from './labels-patch.js';
import { patchSamplesByExample } from './samples-patch.js';
import { DOCS_LOCALES, pageLink } from './locales.js';
import { escapeHtml, switcherHtml } from './switcher.js';
import { THEME_STYLE } from './theme.js';

const CONTAINER = '<div id="redoc">';
const MODULE_SCRIPT = '<script type="module">';

/**
 * Replaces exactly one occurrence of `pattern`, or fails naming what Redoc's output no longer has.
 * @param {string} html
 * @param {RegExp} pattern
 * @param {string | ((match: string) => string)} replacement
 * @param {string} what
 */
function replaceOnce(html, pattern, replacement, what) {
  const matches = html.match(new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`)) ?? [];
  if (matches.length !== 1) {
    throw new Error(`The page built by Redoc has ${matches.length} ${what} (expected 1): re-check localize.js against this Redoc version`);
  }
  return html.replace(pattern, typeof replacement === 'function' ? replacement : () => replacement);
}

/**
 * JSON that is safe inside an inline <script> (as build-docs writes it: `<` escaped).
 * @param {unknown} value
 */
export function scriptJson(value) {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/**
 * Adds the language switcher of `locale` to a page, just before Redoc's container.
 * @param {string} html
 * @param {import('./locales.js').DocsLocale} locale
 */
export function addSwitcher(html, locale) {
  const at = html.indexOf(CONTAINER);
  if (at < 0) throw new Error(`The page built by Redoc has no ${CONTAINER}`);
  return `${html.slice(0, at)}${switcherHtml(locale)}  ${html.slice(at)}`;
}

/**
 * `<link rel="alternate" hreflang>` for every language (relative, like the switcher) and `x-default` (English).
 * @param {import('./locales.js').DocsLocale} locale
 */
export function alternateLinks(locale) {
  const links = DOCS_LOCALES.map((l) => `<link rel="alternate" hreflang="${l.lang}" href="${pageLink(locale, l)}">`);
  links.push(`<link rel="alternate" hreflang="x-default" href="${pageLink(locale, DOCS_LOCALES[0] ?? locale)}">`);
  return links.join('\n  ');
}

/**
 * Redoc prerenders its menu with site-root links (`href="/section/errors"`), which open a 404 in a new tab, from a
 * copied link or from file://; in the browser it routes by hash (`#/section/errors`). The prerendered links get the
 * hash form the browser uses, so every link a reader can copy opens the same place.
 * @param {string} html
 */
export function hashLinks(html) {
  const start = html.indexOf(CONTAINER);
  const end = html.indexOf(MODULE_SCRIPT, start);
  if (start < 0 || end < 0) throw new Error(`The page built by Redoc has no ${CONTAINER} before its ${MODULE_SCRIPT}`);
  const markup = html.slice(start, end).replace(/\bhref="\/(?!\/)([^"]*)"/g, 'href="#/$1"');
  return `${html.slice(0, start)}${markup}${html.slice(end)}`;
}

/**
 * The published page of `locale` from the page build-docs prerendered for it.
 * @param {string} html  build-docs' output (CDN URLs already swapped)
 * @param {import('./locales.js').DocsLocale} locale
 * @param {{ labels: Record<string, unknown>, texts: Record<string, string> }} dictionary  Redoc's labels in this
 *   language (empty for English)
 */
export function localizePage(html, locale, { labels, texts }) {
  let out = replaceOnce(html, /<html lang="[^"]*">/, `<html lang="${locale.lang}">`, '<html lang> tags');
  out = replaceOnce(out, /<title>[^<]*<\/title>/, `<title>${escapeHtml(locale.title)}</title>`, '<title> tags');
  out = replaceOnce(out, /<meta name="description" content="[^"]*">/, (m) => `${m}\n  ${alternateLinks(locale)}`, 'description meta tags');
  out = replaceOnce(out, /<!-- vps-theme -->/, THEME_STYLE, 'theme placeholders');
  // The labels must be set before Redoc's module script runs; an inline classic script before it is.
  out = replaceOnce(out, /<script type="module">/, `<script>globalThis.${LABELS_GLOBAL} = ${scriptJson(labels)};</script>\n      ${labelsPassScript(textRules(texts))}\n      ${MODULE_SCRIPT}`,
    'module scripts');
  const bundleAt = out.indexOf(MODULE_SCRIPT);
  out = out.slice(0, bundleAt) + patchSamplesByExample(patchTranslateStub(out.slice(bundleAt), 'The Redoc bundle of the page'));
  return addSwitcher(hashLinks(out), locale);
}

/**
 * The Markdown headings (`#` to `######`) of a text, outside fenced code: their line index, level and text.
 * @param {string} markdown
 */
function headings(markdown) {
  /** @type {Array<{ index: number, level: number, text: string }>} */
  const out = [];
  /** @type {string | null} */
  let fence = null;
  markdown.split('\n').forEach((line, index) => {
    const f = /^\s*(```|~~~)/.exec(line);
    if (f) fence = fence === null ? (f[1] ?? null) : fence === f[1] ? null : fence;
    if (fence !== null || f) return;
    const h = /^(#{1,6})\s+(.*?)\s*$/.exec(line);
    if (h?.[1] && h[2] !== undefined) out.push({ index, level: h[1].length, text: h[2] });
  });
  return out;
}

/** Redoc's slug of an English heading (`DNS record types` -> `dns-record-types`). @param {string} text */
const slug = (text) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/**
 * Gives each heading of a translated introduction the anchor of its English heading (`# 인증` gets Redoc's
 * `{% id="section/authentication" %}`), so that `#/section/authentication` is the same section in every language,
 * as operation anchors are. Headings are matched in order; a translation with other headings fails, naming both.
 * @param {string} translated
 * @param {string} english
 * @param {string} localeId
 */
export function alignSectionAnchors(translated, english, localeId) {
  const ours = headings(translated);
  const theirs = headings(english);
  /** @param {Array<{ level: number, text: string }>} hs */
  const shape = (hs) => hs.map((h) => `${'#'.repeat(h.level)} ${h.text}`).join(' | ');
  if (ours.length !== theirs.length || ours.some((h, i) => h.level !== theirs[i]?.level)) {
    throw new Error(`The ${localeId} introduction's headings do not match the English ones one for one:\n  ${localeId}: ${shape(ours)}\n  en: ${shape(theirs)}`);
  }
  const lines = translated.split('\n');
  ours.forEach((h, i) => {
    lines[h.index] = `${'#'.repeat(h.level)} ${h.text}{% id="section/${slug(theirs[i]?.text ?? '')}" %}`;
  });
  return lines.join('\n');
}
