// 6. Docs: the size of the one HTML file, and the time until Redoc has rendered the operation list in Chromium.
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { median } from './stats.mjs';

const html = fileURLToPath(new URL('../../docs/dist/index.html', import.meta.url));

export async function measureDocs({ loads = 5 } = {}) {
  const buf = readFileSync(html);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-gpu', '--no-first-run', '--disable-sync'],
  });
  try {
    const times = [];
    for (let i = 0; i < loads; i++) {
      const page = await browser.newPage();
      const start = performance.now();
      await page.goto(pathToFileURL(html).href);
      // Redoc 3 renders the sidebar's operation list with the tags collapsed (links "/servers", "/dns-zones",
      // "/dns-records") and the operation bodies lazily, on scroll: "rendered" is that list, complete.
      await page.waitForFunction(
        () =>
          ['/servers', '/dns-zones', '/dns-records'].every(
            (href) => document.querySelector(`[data-component-name="Menu/Menu"] a[href="${href}"]`) !== null,
          ),
        null,
        { timeout: 60_000 },
      );
      times.push(performance.now() - start);
      await page.close();
    }
    return { bytes: buf.length, gzip: gzipSync(buf, { level: 9 }).length, renderMs: median(times), loads };
  } finally {
    await browser.close();
  }
}
