// The language switcher every page carries: plain links to the other pages' index.html (so it works with no
// script and from a file opened on disk), which a few lines of script keep pointing at the operation on screen
// by copying the page's hash route (`#/servers/rebootserver`) onto them.
import { DOCS_LOCALES, pageLink } from './locales.js';

/** @param {string} s */
const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

// A bar that stays at the top, as Redoc's own navbar would: Redoc is told its height (--navbar-height, which its
// prerendered root sets to 0 inline), so its sticky sidebar, samples panel and anchors sit below the bar instead of
// under it (a plain fixed overlay covered the samples' language picker and, at phone widths, the logo). Dark mode
// (Redoc's html.dark) gets dark colours.
const BAR_HEIGHT = '33px';
const STYLE = `<style>
    .vps-lang { position: sticky; top: 0; z-index: 1000; box-sizing: border-box; height: ${BAR_HEIGHT};
      display: flex; justify-content: flex-end; align-items: center; gap: 2px; padding: 0 12px;
      font: 13px/1.2 var(--font-family-base, system-ui, sans-serif); background: #f6f8fc; border-bottom: 1px solid #d5d9e2; }
    #redoc [style*="--navbar-stack-height"] { --navbar-height: ${BAR_HEIGHT} !important; --navbar-stack-height: ${BAR_HEIGHT} !important; }
    .vps-lang a, .vps-lang span { padding: 4px 8px; border-radius: 6px; color: #1447e6; text-decoration: none; }
    .vps-lang a:hover, .vps-lang a:focus-visible { background: #eef3ff; }
    .vps-lang span { color: #fff; background: #1447e6; }
    html.dark .vps-lang { background: #1a1c21; border-bottom-color: #3b3c45; }
    html.dark .vps-lang a { color: #8eaefb; }
    html.dark .vps-lang a:hover, html.dark .vps-lang a:focus-visible { background: #22242b; }
    html.dark .vps-lang span { color: #0a2566; background: #8eaefb; }
  </style>`;

// Runs before Redoc. Redoc moves the hash route with history.replaceState as the reader scrolls (no hashchange
// event), so the links are re-pointed after each replaceState/pushState (wrapped here, before Redoc takes them) and,
// to be right whatever happened since, whenever the reader reaches for the switcher (pointer, focus, click, context
// menu for "copy link").
const SCRIPT = `<script>
    (function () {
      var nav = document.currentScript.previousElementSibling;
      var links = nav.querySelectorAll('a[data-page]');
      function sync() {
        for (var i = 0; i < links.length; i++) links[i].href = links[i].getAttribute('data-page') + location.hash;
      }
      ['pushState', 'replaceState'].forEach(function (name) {
        var original = history[name];
        history[name] = function () {
          var result = original.apply(this, arguments);
          sync();
          return result;
        };
      });
      ['pointerover', 'focusin', 'mousedown', 'click', 'contextmenu', 'touchstart'].forEach(function (type) {
        nav.addEventListener(type, sync, { passive: true });
      });
      addEventListener('hashchange', sync);
      addEventListener('popstate', sync);
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
