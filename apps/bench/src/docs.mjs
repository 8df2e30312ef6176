// 6. Docs: the size of each language's HTML page and the time until Redoc has rendered its operation list in
// Chromium; and the site build: English alone against all three languages (which share one Redoc build).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { buildSite } from '@vps-org/docs/build';
import { DOCS_LOCALES } from '@vps-org/docs/locales';
import { median } from './stats.mjs';

const docsDist = fileURLToPath(new URL('../../docs/dist/', import.meta.url));
const scratch = fileURLToPath(new URL('../dist/docs-build/', import.meta.url));

/** Size and median render time of each language's page, loaded from file:// in turn (interleaved). */
export async function measureDocs({ loads = 5 } = {}) {
  const pages = DOCS_LOCALES.map((l) => ({ id: l.id, file: join(docsDist, l.dir, 'index.html'), times: /** @type {number[]} */ ([]) }));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-gpu', '--no-first-run', '--disable-sync'],
  });
  try {
    for (let i = 0; i < loads; i++) {
      for (const p of pages) {
        const page = await browser.newPage();
        const start = performance.now();
        await page.goto(pathToFileURL(p.file).href);
        // Redoc 3 renders the sidebar's operation list with the tags collapsed (links "/servers", "/dns-zones",
        // "/dns-records"; "#/servers"... when it renders in the browser rather than hydrating its prerendered page)
        // and the operation bodies lazily, on scroll: "rendered" is that list, complete.
        await page.waitForFunction(
          () =>
            ['/servers', '/dns-zones', '/dns-records'].every(
              (href) => document.querySelector(`[data-component-name="Menu/Menu"] a:is([href="${href}"], [href="#${href}"])`) !== null,
            ),
          null,
          { timeout: 60_000 },
        );
        p.times.push(performance.now() - start);
        await page.close();
      }
    }
    return pages.map((p) => {
      const buf = readFileSync(p.file);
      return { id: p.id, bytes: buf.length, gzip: gzipSync(buf, { level: 9 }).length, renderMs: median(p.times), loads };
    });
  } finally {
    await browser.close();
  }
}

/**
 * The docs build of English alone vs all three languages, in alternating rounds (after a warm-up of each), into
 * a scratch folder. Returns medians, and the median time of each language's own steps within the full build.
 */
export function measureDocsBuild({ rounds = 5 } = {}) {
  const all = DOCS_LOCALES.map((l) => l.id);
  /** @param {string[]} locales */
  const time = (locales) => {
    const start = performance.now();
    const { pages } = buildSite({ outDir: join(scratch, locales.length === 1 ? 'en' : 'all'), locales });
    return { ms: performance.now() - start, pages };
  };
  time(['en']);
  time(all);
  /** @type {number[]} */
  const english = [];
  /** @type {number[]} */
  const three = [];
  /** @type {Record<string, number[]>} */
  const perLocale = Object.fromEntries(all.map((id) => [id, []]));
  for (let i = 0; i < rounds; i++) {
    const order = i % 2 ? [['en'], all] : [all, ['en']];
    for (const locales of order) {
      const r = time(locales);
      if (locales.length === 1) english.push(r.ms);
      else {
        three.push(r.ms);
        for (const p of r.pages) perLocale[p.locale]?.push(p.ms);
      }
    }
  }
  return {
    rounds,
    englishMs: median(english),
    allMs: median(three),
    perLocale: Object.fromEntries(Object.entries(perLocale).map(([id, ms]) => [id, median(ms)])),
  };
}
