// 6. Docs: the size of each language's HTML page and, in Chromium, the time until a reader sees the menu and until
// the menu lists an opened tag's operations (Redoc hydrated); and the site build: English alone against all three
// languages (each prerendered by its own Redoc build, the three at once).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { buildSite } from '@vps-org/docs/build';
import { DOCS_LOCALES } from '@vps-org/docs/locales';
import { listOperations } from '@vps-org/openapi';
import { median } from './stats.mjs';

const docsDist = fileURLToPath(new URL('../../docs/dist/', import.meta.url));
const scratch = fileURLToPath(new URL('../dist/docs-build/', import.meta.url));

// The operations of the Servers tag: the page opens on its first one, so Redoc expands that tag in the menu.
const serverOps = listOperations(JSON.parse(readFileSync(join(docsDist, 'openapi.json'), 'utf8'))).filter((op) => op.tag === 'Servers');
const OPEN_AT = `#/servers/${serverOps[0]?.operationId.toLowerCase()}`;
const OPERATION_LINKS = serverOps.map((op) => `#/servers/${op.operationId.toLowerCase()}`);

/**
 * Size and median times of each language's page, loaded from file:// in turn (interleaved, one browser): until
 * the menu shows the three tags (what a reader sees first; prerendered pages have it in their HTML), and until the
 * menu lists every operation of the opened tag (Redoc has hydrated or rendered the page).
 */
export async function measureDocs({ loads = 7 } = {}) {
  const pages = DOCS_LOCALES.map((l) => ({ id: l.id, file: join(docsDist, l.dir, 'index.html'), menu: /** @type {number[]} */ ([]), times: /** @type {number[]} */ ([]) }));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-gpu', '--no-first-run', '--disable-sync'],
  });
  try {
    for (let i = 0; i < loads; i++) {
      for (const p of pages) {
        const page = await browser.newPage();
        const start = performance.now();
        const tags = page.waitForFunction(
          () => ['/servers', '/dns-zones', '/dns-records'].every((href) => document.querySelector(`[data-component-name="Menu/Menu"] a[href="#${href}"]`) !== null),
          null, { timeout: 60_000, polling: 'raf' },
        ).then(() => performance.now() - start);
        await page.goto(`${pathToFileURL(p.file).href}${OPEN_AT}`, { waitUntil: 'commit' });
        await page.waitForFunction(
          (links) => links.every((href) => document.querySelector(`[data-component-name="Menu/Menu"] a[href="${href}"]`) !== null),
          OPERATION_LINKS, { timeout: 60_000, polling: 'raf' },
        );
        p.times.push(performance.now() - start);
        p.menu.push(await tags);
        await page.close();
      }
    }
    return pages.map((p) => {
      const buf = readFileSync(p.file);
      return { id: p.id, bytes: buf.length, gzip: gzipSync(buf, { level: 9 }).length, menuMs: median(p.menu), renderMs: median(p.times), loads };
    });
  } finally {
    await browser.close();
  }
}

/**
 * The docs build of English alone vs all three languages, in alternating rounds (after a warm-up of each), into
 * a scratch folder. Returns medians, and the median time of each language's own steps within the full build.
 */
export async function measureDocsBuild({ rounds = 3 } = {}) {
  const all = DOCS_LOCALES.map((l) => l.id);
  /** @param {string[]} locales */
  const time = async (locales) => {
    const start = performance.now();
    const { pages } = await buildSite({ outDir: join(scratch, locales.length === 1 ? 'en' : 'all'), locales });
    return { ms: performance.now() - start, pages };
  };
  await time(['en']);
  await time(all);
  /** @type {number[]} */
  const english = [];
  /** @type {number[]} */
  const three = [];
  /** @type {Record<string, number[]>} */
  const perLocale = Object.fromEntries(all.map((id) => [id, []]));
  for (let i = 0; i < rounds; i++) {
    const order = i % 2 ? [['en'], all] : [all, ['en']];
    for (const locales of order) {
      const r = await time(locales);
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
