// The language switcher every page carries: plain links to the other pages' index.html (so it works with no
// script and from a file opened on disk), which a few lines of script keep pointing at the operation on screen
// by copying the page's hash route (`#/servers/rebootserver`) onto them.
import { DOCS_LOCALES, pageLink } from './locales.js';

/** @param {string} s */
const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const STYLE = `<style>
    .vps-lang { position: fixed; top: 8px; right: 12px; z-index: 1000; display: flex; gap: 2px; padding: 3px;
      font: 13px/1.2 var(--font-family-base, system-ui, sans-serif); background: #fff; border: 1px solid #d5d9e2;
      border-radius: 8px; box-shadow: 0 1px 4px rgba(0, 0, 0, 0.12); }
    .vps-lang a, .vps-lang span { padding: 4px 8px; border-radius: 6px; color: #1447e6; text-decoration: none; }
    .vps-lang a:hover, .vps-lang a:focus-visible { background: #eef3ff; }
    .vps-lang span { color: #fff; background: #1447e6; }
  </style>`;

// Runs before Redoc; reads the hash at click time too, so it is right whatever Redoc did to the URL since.
const SCRIPT = `<script>
    (function () {
      var links = document.querySelectorAll('.vps-lang a[data-page]');
      function sync() {
        for (var i = 0; i < links.length; i++) links[i].href = links[i].getAttribute('data-page') + location.hash;
      }
      for (var i = 0; i < links.length; i++) links[i].addEventListener('click', sync);
      addEventListener('hashchange', sync);
      sync();
    })();
  </script>`;

/**
 * The switcher's markup (style, links, script) for the page of `current`.
 * @param {import('./locales.js').DocsLocale} current
 */
export function switcherHtml(current) {
  const items = DOCS_LOCALES.map((l) => {
    if (l.id === current.id) return `<span lang="${l.lang}" aria-current="page">${escape(l.name)}</span>`;
    const href = pageLink(current, l);
    return `<a href="${href}" data-page="${href}" hreflang="${l.lang}" lang="${l.lang}">${escape(l.name)}</a>`;
  }).join('');
  return `${STYLE}\n  <nav class="vps-lang" aria-label="${escape(current.switcherLabel)}">${items}</nav>\n  ${SCRIPT}\n`;
}

export { escape as escapeHtml };
