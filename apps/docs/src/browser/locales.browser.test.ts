// The English, Korean and French pages in a real Chromium, from file:// and from serveDocs: each says its language,
// titles every operation in the menu in that language, shows the generated code samples, and its switcher lands
// on the same operation in the other language; no request leaves the site and nothing is logged as an error.
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { listOperations } from '@vps-org/openapi';
import { DOCS_LOCALES, docsLocale } from '../build/locales.js';
import { readBundle } from '../build/site.js';
import { readBuiltPage, shippedSamples } from '../build/shipped.js';
import { operationAnchor } from './anchors.js';
import { ownSite } from './chromium.js';
import { usePageSession } from './session.js';
import { pageFile, useBuiltSite } from './site.js';

type Locale = ReturnType<typeof docsLocale>;
const file = pageFile;
const operationsOf = (l: Locale) => listOperations(readBundle(l));
const englishSamples = new Map(shippedSamples(readBuiltPage()).map((op) => [op.operationId, op.samples]));
/** Each page switches to the next language: en -> ko -> fr -> en. */
const nextOf = (l: Locale) => DOCS_LOCALES[(DOCS_LOCALES.indexOf(l) + 1) % DOCS_LOCALES.length]!;

const site = useBuiltSite();

const origins: Array<[string, (l: Locale) => string]> = [
  ['file', (l) => pathToFileURL(file(l)).href],
  ['http', (l) => `${site.server.url}${l.dir}index.html`],
];

describe.each(origins)('from %s://', (_, urlOf) => {
  describe.each(DOCS_LOCALES)('the $id page', (locale) => {
    const session = usePageSession(() => site.browser, () => ownSite(DOCS_LOCALES.map(urlOf)), () => urlOf(locale));
    const expectClean = () => session.expectClean();
    const operations = operationsOf(locale);

    async function openOperation(anchor: string, url = urlOf(locale)) {
      const { page } = session;
      await page.goto(`${url}${anchor}`);
      const section = page.locator(`[id="${anchor.slice(2)}"]`);
      await section.waitFor({ state: 'visible' });
      return section;
    }

    it('says its language and title', async () => {
      const { page } = session;
      expect(await page.locator('html').getAttribute('lang')).toBe(locale.lang);
      expect(await page.title()).toBe(locale.title);
      expectClean();
    });

    it('titles every operation in the menu, and on the page, in its language', async () => {
      const { page } = session;
      expect(operations).toHaveLength(20);
      for (const op of operations) {
        const anchor = operationAnchor(op);
        const section = await openOperation(anchor);
        const link = page.locator(`[data-component-name="Menu/Menu"] a[href="${anchor}"]`).first();
        await expect.poll(() => link.innerText(), { message: anchor }).toContain(op.summary!);
        await expect.poll(() => section.locator('h2').first().textContent(), { message: anchor }).toBe(op.summary);
      }
      expectClean();
    });

    it('shows the generated code samples (the same as in English)', async () => {
      const section = await openOperation('#/dns-zones/creatednszonerecord');
      const code = section.locator('[data-component-name="CodeBlock/CodeBlock"]').first();
      const curl = englishSamples.get('createDnsZoneRecord')!.cURL!;
      await expect.poll(async () => (await code.textContent())?.trim()).toBe(curl);
      expectClean();
    });

    it(`switches to the next language on the same operation (also after moving through the menu) and section`, async () => {
      const { page } = session;
      const next = nextOf(locale);
      const nextTitles = new Map(operationsOf(next).map((op) => [op.operationId, op.summary]));
      const switchTo = page.locator(`.vps-lang a[hreflang="${next.lang}"]`);
      expect(await page.locator('.vps-lang [aria-current="page"]').textContent()).toBe(locale.name);

      // Straight from an anchor.
      await openOperation('#/servers/rebootserver');
      await switchTo.click();
      await page.waitForURL(`${urlOf(next)}#/servers/rebootserver`);
      const reboot = page.locator('[id="servers/rebootserver"]');
      await expect.poll(() => reboot.locator('h2').first().textContent()).toBe(nextTitles.get('rebootServer'));
      expect(await page.locator('html').getAttribute('lang')).toBe(next.lang);

      // After the reader moved with Redoc's own menu (the hash changes under the switcher).
      await openOperation('#/dns-zones/creatednszonerecord');
      await page.locator('[data-component-name="Menu/Menu"] a[href="#/dns-zones/listdnszones"]').first().click();
      await expect.poll(() => new URL(page.url()).hash).toBe('#/dns-zones/listdnszones');
      await switchTo.click();
      await page.waitForURL(`${urlOf(next)}#/dns-zones/listdnszones`);
      const zones = page.locator('[id="dns-zones/listdnszones"]');
      await expect.poll(() => zones.locator('h2').first().textContent()).toBe(nextTitles.get('listDnsZones'));

      // A section of the introduction keeps its English anchor in every language.
      await openOperation('#/section/errors');
      await switchTo.click();
      await page.waitForURL(`${urlOf(next)}#/section/errors`);
      const errors = page.locator('[id="section/errors"]');
      await errors.waitFor({ state: 'visible' });
      await expect.poll(() => errors.evaluate((e) => Math.round(e.getBoundingClientRect().top))).toBeLessThan(200);
      expect(await errors.textContent()).toBe({ en: 'Errors', ko: '오류', fr: 'Erreurs' }[next.id]);
      expectClean();
    });
  });
});
