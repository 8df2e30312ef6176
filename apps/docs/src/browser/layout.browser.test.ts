// The three pages at 1440 and 390 px, light and dark, in a real Chromium: a screenshot of each under
// test-artifacts/layout/ (to look at), and the layout points checked on the boxes the browser computed: the
// switcher covers neither the logo nor the samples' language picker, follows dark mode, Korean breaks between
// words only, and the copy button leaves the first line of a cURL sample readable.
import { mkdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCS_LOCALES } from '../build/locales.js';
import { launchChromium } from './chromium.js';

const artifacts = fileURLToPath(new URL('../../test-artifacts/layout/', import.meta.url));
let browser: Browser;

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const box = async (l: Locator) => {
  const b = await l.boundingBox();
  if (!b) throw new Error(`${l} is not displayed`);
  return b;
};
/** Relative luminance of a CSS rgb() colour (0 black .. 1 white). */
const luminance = (rgb: string) => {
  const [r = 0, g = 0, b = 0] = (rgb.match(/[\d.]+/g) ?? []).map(Number);
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
};

const cases = DOCS_LOCALES.flatMap((locale) => [1440, 390].flatMap((width) => (['light', 'dark'] as const).map((scheme) => ({ locale, width, scheme }))));

describe.each(cases)('the $locale.id page at $width px, $scheme', ({ locale, width, scheme }) => {
  it('is laid out without overlaps, in its colour scheme, and screenshotted', async () => {
    const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
    try {
      const page = await context.newPage();
      const url = pathToFileURL(fileURLToPath(new URL(`../../dist/${locale.dir}index.html`, import.meta.url))).href;
      await page.goto(`${url}#/dns-zones/creatednszonerecord`);
      const section = page.locator('[id="dns-zones/creatednszonerecord"]');
      await section.waitFor({ state: 'visible' });
      const curl = page.locator('.panel-request-samples').filter({ hasText: '/api/v1/dns-zones/{uuid}/records/' }).filter({ hasText: 'POST' }).first();
      await curl.locator('[data-line="1"]').waitFor();
      await expect.poll(() => page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(scheme === 'dark');
      await page.screenshot({ path: `${artifacts}${locale.id}-${width}-${scheme}-operation.png` });

      const switcher = page.locator('.vps-lang');
      // Scrolled into an operation, the switcher is out of the way of the samples' language picker.
      const picker = curl.locator('button[aria-haspopup="menu"]', { hasText: /^(cURL|TypeScript|Python|PHP)$/ }).first();
      if (await switcher.isVisible()) expect(overlaps(await box(switcher), await box(picker))).toBe(false);
      // The copy button does not cover the first line of the cURL sample.
      const copy = curl.locator('[data-testid="copy-button"]').last();
      const firstLine = curl.locator('[data-line="1"]');
      const text = await firstLine.evaluate((line) => {
        const range = document.createRange();
        range.selectNodeContents(line);
        const r = range.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height };
      });
      if (await copy.isVisible()) expect(overlaps(await box(copy), text)).toBe(false);

      await page.goto(`${url}#/`);
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: `${artifacts}${locale.id}-${width}-${scheme}-top.png` });
      const logo = page.locator('[data-component-name="SidebarLogo/SidebarLogo"] img').first();
      if (await logo.isVisible()) expect(overlaps(await box(switcher), await box(logo))).toBe(false);
      const background = await switcher.evaluate((e) => getComputedStyle(e).backgroundColor);
      expect(luminance(background) < 0.3).toBe(scheme === 'dark');
      // Headings break between words only: each word of each heading sits on one line.
      const split = await page.locator('#redoc h1, #redoc h2').evaluateAll((hs) => hs.flatMap((h) => {
        const out: string[] = [];
        const walker = document.createTreeWalker(h, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const text = n.nodeValue ?? '';
          for (const m of text.matchAll(/\S+/g)) {
            const range = document.createRange();
            range.setStart(n, m.index);
            range.setEnd(n, m.index + m[0].length);
            const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
            if (lines.size > 1) out.push(m[0]);
          }
        }
        return out;
      }));
      expect(split).toEqual([]);
      if (locale.id === 'ko') {
        const h1 = page.locator('#redoc h1').first();
        expect(await h1.evaluate((e) => getComputedStyle(e).wordBreak)).toBe('keep-all');
      }
    } finally {
      await context.close();
    }
  });
});
