// The VPS.org look, with nothing fetched: the logo is an inline SVG and every font is a system font.

export const TITLE = 'VPS.org API Reference';

/** The wordmark in the given colours (the light page's, or the dark page's). @param {string} name @param {string} api */
const logoSvg = (name, api) => `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="48" viewBox="0 0 200 48">
<rect x="2" y="6" width="36" height="36" rx="8" fill="#1447e6"/>
<path d="M11 16l9 17 9-17" fill="none" stroke="#fff" stroke-width="4" stroke-linecap="round" stroke-linejoin="round"/>
<text x="48" y="32" font-family="system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif" font-size="22" font-weight="700" fill="${name}">VPS.org<tspan font-weight="400" fill="${api}"> API</tspan></text>
</svg>`;
const dataUri = (/** @type {string} */ svg) => `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;

export const LOGO_DATA_URI = dataUri(logoSvg('#1447e6', '#5b6170'));
/** The same logo with a wordmark that reads on Redoc's dark background (swapped in by THEME_STYLE). */
export const DARK_LOGO_DATA_URI = dataUri(logoSvg('#8eaefb', '#c4c6d1'));

// Redoc 3.0.1 hard-codes its "API docs by Redocly" sidebar logo as an <img> from cdn.redoc.ly, with no option to
// turn it off; the build swaps these exact URLs for this inline wordmark (the attribution link stays).
const REDOCLY_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="16" viewBox="0 0 64 16">
<text x="0" y="12" font-family="system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif" font-size="12" font-weight="600" fill="#5b6170">Redocly</text>
</svg>`;
const REDOCLY_DATA_URI = `data:image/svg+xml;base64,${Buffer.from(REDOCLY_SVG).toString('base64')}`;
/** @type {Array<[string, string]>} */
export const CDN_REPLACEMENTS = [
  ['https://cdn.redoc.ly/redoc/logo-mini-full.svg', REDOCLY_DATA_URI],
  ['https://cdn.redoc.ly/redoc/logo-mini.svg', REDOCLY_DATA_URI],
];

// Additions to Redoc's styles on every page. Korean breaks between words (keep-all), never inside one ("생 / 성");
// French headings hyphenate rather than break mid-word at phone widths; in dark mode the logo's wordmark follows
// the theme (Chromium and WebKit honour `content` on an <img>; elsewhere the light logo stays); the copy button of a
// code sample sits above its first line instead of over it.
export const THEME_STYLE = `<style>
    html[lang="ko"] body, html[lang="ko"] #redoc :not(pre, pre *) { word-break: keep-all !important; overflow-wrap: break-word; }
    html[lang="fr"] h1, html[lang="fr"] h2, html[lang="fr"] h3 { hyphens: auto; overflow-wrap: normal; word-break: normal; }
    html.dark [data-component-name="SidebarLogo/SidebarLogo"] img { content: url("${DARK_LOGO_DATA_URI}"); }
    [data-component-name="CodeBlock/CodeBlock"]:has(> * > .code-block-header) pre[data-testid="source-code"] { padding-top: 40px; }
  </style>`;
