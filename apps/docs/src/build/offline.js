// Static guards on the built page, so a Redoc or template change that would fetch something fails the build
// (the browser test then checks the same thing for real).
import { CDN_REPLACEMENTS } from './theme.js';

/**
 * Swaps the remote images Redoc hard-codes for inline ones; fails when one is no longer there to swap.
 * @param {string} html
 */
export function replaceCdnUrls(html) {
  let out = html;
  for (const [from, to] of CDN_REPLACEMENTS) {
    if (!out.includes(from)) throw new Error(`Redoc no longer references ${from}: re-check what the page loads`);
    out = out.replaceAll(from, to);
  }
  return out;
}

// Checked in the markup and styles, not in the inlined Redoc code, which names CDNs for features this page does not
// use (icon packs); what that code really requests is the browser test's to catch (and the page's CSP blocks it).
/** @type {Array<[RegExp, string]>} */
const FORBIDDEN = [
  [/fonts\.(googleapis|gstatic)\.com/, 'a web font'],
  [/<link\b[^>]*\bhref=["']?(https?:)?\/\//i, 'a remote <link>'],
  [/<(script|img|iframe|source|video|audio)\b[^>]*\bsrc=["']?(https?:)?\/\//i, 'a remote src'],
  [/url\(\s*["']?(https?:)?\/\//i, 'a remote CSS url()'],
  [/@import\s+(url\()?["']?(https?:)?\/\//i, 'a remote CSS @import'],
];

/**
 * Throws when the page references anything it would load from elsewhere, or has telemetry on.
 * @param {string} html
 */
export function checkOffline(html) {
  const markup = html.replace(/(<script\b[^>]*>)[\s\S]*?(<\/script>)/gi, '$1$2');
  for (const [pattern, what] of FORBIDDEN) {
    const m = pattern.exec(markup);
    if (m) throw new Error(`The docs page would load ${what}: …${markup.slice(Math.max(0, m.index - 80), m.index + 120)}…`);
  }
  if (!/http-equiv="Content-Security-Policy" content="default-src 'none'/.test(markup)) {
    throw new Error('The docs page lost its Content-Security-Policy');
  }
  if (!html.includes('"disableTelemetry":true')) throw new Error('Redoc telemetry is not disabled in the page');
}
