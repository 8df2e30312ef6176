// The languages of the docs site: English at the root, each translation in a folder of its own, all built from the
// same spec (`@vps-org/openapi` writes the translated bundles). Anchors (`#/dns-zones/creatednszonerecord`) are the
// same in every language, so the language switcher can keep the reader on the same operation.
import { TITLE } from './theme.js';

/**
 * @typedef {object} DocsLocale
 * @property {string} id      `en`, `ko`, `fr`: the spec's locale name (`en` is the source spec).
 * @property {string} lang    The page's `<html lang>`.
 * @property {string} dir     Folder of its page under dist/ (`''` for English, `'ko/'`).
 * @property {string} name    The language's own name, as the switcher shows it.
 * @property {string} title   The page's `<title>`.
 * @property {string} switcherLabel  The accessible name of the switcher, in the page's language.
 * @property {string} bundle  The spec bundle it is built from.
 */

/** @type {DocsLocale[]} */
export const DOCS_LOCALES = [
  { id: 'en', lang: 'en', dir: '', name: 'English', title: TITLE, switcherLabel: 'Language', bundle: '@vps-org/openapi/openapi.json' },
  { id: 'ko', lang: 'ko', dir: 'ko/', name: '한국어', title: 'VPS.org API 레퍼런스', switcherLabel: '언어', bundle: '@vps-org/openapi/openapi.ko.json' },
  { id: 'fr', lang: 'fr', dir: 'fr/', name: 'Français', title: "Référence de l'API VPS.org", switcherLabel: 'Langue', bundle: '@vps-org/openapi/openapi.fr.json' },
];

/**
 * The locale of an id, or a clear error naming the ones there are.
 * @param {string} id
 * @returns {DocsLocale}
 */
export function docsLocale(id) {
  const locale = DOCS_LOCALES.find((l) => l.id === id);
  if (!locale) throw new Error(`Unknown docs locale ${JSON.stringify(id)}: expected one of ${DOCS_LOCALES.map((l) => l.id).join(', ')}`);
  return locale;
}

/**
 * The relative link from one locale's page to another's index.html (works from file:// as from a server).
 * @param {DocsLocale} from
 * @param {DocsLocale} to
 */
export function pageLink(from, to) {
  const up = from.dir ? '../' : '';
  return `${up}${to.dir}index.html`;
}
