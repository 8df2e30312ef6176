// One Redoc build serves every language: the English page that `redocly build-docs` renders is the shell, and each
// translation swaps in its own definition, <html lang>, <title> and description. Redoc's inline bundle, styles and
// options are the same bytes in every page, so the costly step (build-docs) runs once.
import { escapeHtml, switcherHtml } from './switcher.js';

const CONTAINER = '<div id="redoc">';
const MODULE_SCRIPT = '<script type="module">';

/**
 * Replaces exactly one occurrence of `pattern`, or fails naming what Redoc's output no longer has.
 * @param {string} html
 * @param {RegExp} pattern
 * @param {string} replacement
 * @param {string} what
 */
function replaceOnce(html, pattern, replacement, what) {
  const matches = html.match(new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`)) ?? [];
  if (matches.length !== 1) {
    throw new Error(`The page built by Redoc has ${matches.length} ${what} (expected 1): re-check localize.js against this Redoc version`);
  }
  return html.replace(pattern, () => replacement);
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
 * The English shell turned into the page of `locale`: its definition, language, title and description, and an
 * empty Redoc container. Redoc's hydrate() renders from scratch into an empty container (it only hydrates
 * server-rendered markup), so the English markup build-docs prerendered is dropped rather than left to mismatch.
 * @param {string} shell the English page, before its switcher is added
 * @param {import('./locales.js').DocsLocale} locale
 * @param {{ info?: { summary?: string } }} definition the locale's decorated bundle
 */
export function localizePage(shell, locale, definition) {
  let html = shell;
  html = replaceOnce(html, /<html lang="[^"]*">/, `<html lang="${locale.lang}">`, '<html lang> tags');
  html = replaceOnce(html, /<title>[^<]*<\/title>/, `<title>${escapeHtml(locale.title)}</title>`, '<title> tags');
  const description = definition.info?.summary ?? locale.title;
  html = replaceOnce(html, /<meta name="description" content="[^"]*">/, `<meta name="description" content="${escapeHtml(description)}">`,
    'description meta tags');
  html = replaceOnce(html, /const __redoc_definition = .*;\n/, `const __redoc_definition = ${scriptJson(definition)};\n`,
    '__redoc_definition literals');
  const start = html.indexOf(CONTAINER);
  const end = html.indexOf(MODULE_SCRIPT, start);
  if (start < 0 || end < 0 || !/<\/div>\s*$/.test(html.slice(start, end))) {
    throw new Error(`The page built by Redoc no longer has ${CONTAINER}…</div> before its ${MODULE_SCRIPT}: re-check localize.js`);
  }
  html = `${html.slice(0, start)}${CONTAINER}</div>\n      ${html.slice(end)}`;
  return addSwitcher(html, locale);
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
