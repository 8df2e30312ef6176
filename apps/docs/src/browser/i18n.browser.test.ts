// The Korean and French pages as their readers get them, in a real Chromium: prerendered (text there with
// JavaScript off), alternate links, no English label left by Redoc, the samples of the example picked, links that
// open the same place in a new tab, and a switcher that follows the section on screen.
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { listOperations } from '@vps-org/openapi';
import { readUiLabels } from '@vps-org/openapi/i18n';
import { DOCS_LOCALES, docsLocale } from '../build/locales.js';
import { readBundle } from '../build/site.js';
import { readBuiltPage, shippedSamples } from '../build/shipped.js';
import { operationAnchor } from './anchors.js';
import { ownSite, recordedPage } from './chromium.js';
import { pageFile, useBuiltSite } from './site.js';

type Locale = ReturnType<typeof docsLocale>;
const file = pageFile;
const TRANSLATED = DOCS_LOCALES.filter((l) => l.id !== 'en');

const site = useBuiltSite();

/** Every English label Redoc may show, and the English templates as patterns, minus those a locale keeps as is. */
function englishLabels(locale: Locale) {
  const en = readUiLabels('en');
  const ours = readUiLabels(locale.id);
  const words = new Set<string>();
  for (const [key, value] of Object.entries(en.labels)) {
    const mine = ours.labels[key];
    if (typeof value === 'string') {
      if (mine !== value) words.add(value.trim());
    } else for (const text of Object.keys(value)) if (typeof mine === 'object' && mine[text] !== text) words.add(text);
  }
  const patterns: RegExp[] = [];
  for (const [template, english] of Object.entries(en.texts)) {
    if (ours.texts[template] === template) continue;
    if (!template.includes('{')) {
      words.add(template);
      words.add(english);
      continue;
    }
    const parts = template.split(/\{\w+\}/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    patterns.push(new RegExp(`^${parts.join('.*')}$`));
  }
  return { words, patterns };
}

/** The text nodes (outside code) and the aria-label, title and placeholder attributes inside Redoc's container. */
function visibleStrings(page: Page) {
  return page.evaluate(() => {
    const out: string[] = [];
    const root = document.getElementById('redoc')!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const parent = n.parentElement;
      if (!parent || parent.closest('pre, code, script, style')) continue;
      const text = (n.nodeValue ?? '').trim();
      if (text) out.push(text);
    }
    for (const el of root.querySelectorAll('[aria-label], [title], [placeholder]')) {
      for (const name of ['aria-label', 'title', 'placeholder']) {
        const v = el.getAttribute(name);
        if (v) out.push(v.trim());
      }
    }
    return out;
  });
}

async function openOperation(page: Page, url: string, anchor: string) {
  await page.goto(`${url}${anchor}`);
  const section = page.locator(`[id="${anchor.slice(2)}"]`);
  await section.waitFor({ state: 'visible' });
  return section;
}

it('the label scan finds English labels where they are (on the English page), so its silence below means something', async () => {
  const english = docsLocale('en');
  const { words, patterns } = englishLabels(docsLocale('ko'));
  const { context, page } = await recordedPage(site.browser, ownSite([pathToFileURL(file(english)).href]));
  try {
    await openOperation(page, pathToFileURL(file(english)).href, '#/dns-zones/creatednszonerecord');
    await page.locator('[data-component-name="CodeBlock/CodeBlock"]').first().waitFor();
    const found = new Set((await visibleStrings(page)).filter((s) => words.has(s) || patterns.some((p) => p.test(s))));
    for (const label of ['Request', 'Responses', 'required', 'Enum:', 'Copy']) expect(found, label).toContain(label);
    expect([...found].some((s) => /characters$/.test(s))).toBe(true);
    // A zone's records are typed objects (the spec types DnsRecord), not "Array of any".
    await openOperation(page, pathToFileURL(file(english)).href, '#/dns-zones/getdnszone');
    await expect.poll(async () => (await visibleStrings(page)).includes('Array of objects')).toBe(true);
    expect((await visibleStrings(page)).filter((s) => /^Array of any/.test(s))).toEqual([]);
  } finally {
    await context.close();
  }
});

describe.each(TRANSLATED)('the $id page', (locale) => {
  const url = () => pathToFileURL(file(locale)).href;
  const bundle = readBundle(locale);
  const operations = listOperations(bundle);

  it('shows its menu and introduction in its language with JavaScript off (prerendered), with alternate links', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(url());
      const menu = await page.locator('[data-component-name="Menu/Menu"]').first().innerText();
      for (const tag of bundle.tags) expect(menu).toContain(tag['x-displayName']);
      const firstHeading = /^# (.*)$/m.exec(bundle.info.description)![1]!;
      expect(await page.locator('#redoc').innerText()).toContain(firstHeading);
      const alternates = await page.$$eval('head link[rel="alternate"]', (links) =>
        links.map((l) => [l.getAttribute('hreflang'), (l as HTMLLinkElement).href]));
      expect(alternates).toEqual([
        ['en', pathToFileURL(file(docsLocale('en'))).href],
        ['ko', pathToFileURL(file(docsLocale('ko'))).href],
        ['fr', pathToFileURL(file(docsLocale('fr'))).href],
        ['x-default', pathToFileURL(file(docsLocale('en'))).href],
      ]);
    } finally {
      await context.close();
    }
  });

  it("shows none of Redoc's English labels on any of the 20 operations (HTTP methods, paths, status codes, field names, types and code stay)", async () => {
    const { context, page, log } = await recordedPage(site.browser, ownSite(DOCS_LOCALES.map((l) => pathToFileURL(file(l)).href)));
    try {
      const { words, patterns } = englishLabels(locale);
      expect(words.has('Responses') && words.has('required') && words.has('Enum:')).toBe(true);
      const left = new Map<string, string>();
      expect(operations).toHaveLength(20);
      for (const op of operations) {
        const anchor = operationAnchor(op);
        const section = await openOperation(page, url(), anchor);
        // The labels are there to be checked: the operation's panels have rendered.
        await section.locator('h2').first().waitFor();
        await page.locator('[data-component-name="CodeBlock/CodeBlock"]').first().waitFor();
        for (const s of await visibleStrings(page)) {
          if (words.has(s) || patterns.some((p) => p.test(s))) left.set(s, anchor);
        }
      }
      expect([...left].map(([s, at]) => `${JSON.stringify(s)} at ${at}`)).toEqual([]);
      expect(log.errors).toEqual([]);
      expect(log.foreign).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('shows the samples of the example the reader picks, in all four languages (the MX sample sends priority)', async () => {
    const { context, page, log } = await recordedPage(site.browser, ownSite(DOCS_LOCALES.map((l) => pathToFileURL(file(l)).href)));
    try {
      const shipped = shippedSamples(readBuiltPage()).find((op) => op.operationId === 'createDnsZoneRecord')!;
      const [mxName, mx] = Object.entries(shipped.byExample).find(([, s]) => s.cURL!.includes('"record_type": "MX"'))!;
      expect(mx.cURL).toContain('"priority": 10');
      expect(shipped.samples.cURL).not.toContain('priority');
      const mxSummary = (bundle.paths['/api/v1/dns-zones/{uuid}/records/'].post.requestBody.content['application/json'].examples[mxName]
        ?? {}).summary as string | undefined;
      await openOperation(page, url(), '#/dns-zones/creatednszonerecord');
      const panel = page.locator('.panel-request-samples').filter({ hasText: '/api/v1/dns-zones/{uuid}/records/' }).filter({ hasText: 'POST' }).first();
      const code = panel.locator('pre[data-testid="source-code"]');
      await expect.poll(async () => (await code.textContent())?.trim()).toBe(shipped.samples.cURL);
      await panel.locator('button[aria-haspopup="menu"][aria-label]').click();
      await page.locator('[role="menuitem"]:visible', { hasText: /^MX/ }).first().click();
      if (mxSummary) await expect.poll(() => panel.innerText()).toContain(mxSummary);
      for (const label of ['cURL', 'TypeScript', 'Python', 'PHP'] as const) {
        if (label !== 'cURL') {
          await panel.locator('button[aria-haspopup="menu"]', { hasText: /^(cURL|TypeScript|Python|PHP)$/ }).first().click();
          await page.locator('[role="menuitem"]:visible', { hasText: label }).first().click();
        }
        await expect.poll(async () => (await code.textContent())?.trim(), { message: label }).toBe(mx[label]);
      }
      expect(log.errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it.each([['file'], ['http']])('has only links that open the same place in a new tab, from %s://', async (origin) => {
    const pageUrl = origin === 'file' ? url() : `${site.server.url}${locale.dir}index.html`;
    const { context, page } = await recordedPage(site.browser, ownSite(DOCS_LOCALES.map((l) => (origin === 'file' ? pathToFileURL(file(l)).href : `${site.server.url}${l.dir}index.html`))));
    try {
      await openOperation(page, pageUrl, '#/servers/rebootserver');
      const hrefs = await page.$$eval('#redoc a[href]', (as) => as.map((a) => a.getAttribute('href')!));
      expect(hrefs.filter((h) => h.startsWith('/') && !h.startsWith('//'))).toEqual([]);
      expect(hrefs).toContain('#/section/errors');
      // Open the menu's link as a new tab (or a pasted copy) would: its absolute URL, in a fresh page.
      const absolute = await page.locator('[data-component-name="Menu/Menu"] a[href="#/section/errors"]').first().evaluate((a) => (a as HTMLAnchorElement).href);
      const tab = await context.newPage();
      await tab.goto(absolute);
      const errors = tab.locator('[id="section/errors"]');
      await errors.waitFor({ state: 'visible' });
      expect(await errors.textContent()).toBe({ ko: '오류', fr: 'Erreurs' }[locale.id as 'ko' | 'fr']);
    } finally {
      await context.close();
    }
  });

  it('finds an operation by a word of its own language with the search box', async () => {
    const { context, page, log } = await recordedPage(site.browser, ownSite(DOCS_LOCALES.map((l) => pathToFileURL(file(l)).href)));
    try {
      const reboot = operations.find((op) => op.operationId === 'rebootServer')!;
      const word = { ko: '재부팅', fr: 'Redémarrer' }[locale.id as 'ko' | 'fr'];
      expect(reboot.summary).toContain(word);
      await page.goto(url());
      await page.locator('[data-testid="search-trigger"]').click();
      await page.locator('[data-component-name="Search/SearchDialog"] input, input[type="search"], input[placeholder]').last().fill(word);
      const hit = page.locator('[data-component-name="Search/SearchItem"]', { hasText: reboot.summary! }).first();
      await hit.waitFor();
      await hit.click();
      await expect.poll(() => new URL(page.url()).hash).toBe('#/servers/rebootserver');
      expect(log.errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('keeps the switcher pointed at the section on screen as the reader scrolls', async () => {
    const { context, page } = await recordedPage(site.browser, ownSite(DOCS_LOCALES.map((l) => pathToFileURL(file(l)).href)));
    try {
      await openOperation(page, url(), '#/servers/listservers');
      const english = page.locator('.vps-lang a[hreflang="en"]');
      await expect.poll(() => english.evaluate((a) => new URL((a as HTMLAnchorElement).href).hash)).toBe('#/servers/listservers');
      // Scroll until Redoc moves the hash route on (it does so with replaceState: no hashchange event).
      await expect.poll(async () => {
        await page.mouse.wheel(0, 1200);
        return page.evaluate(() => location.hash);
      }, { timeout: 60_000 }).not.toBe('#/servers/listservers');
      await expect.poll(async () => {
        const [hash, href] = await Promise.all([page.evaluate(() => location.hash), english.evaluate((a) => (a as HTMLAnchorElement).href)]);
        return href.endsWith(hash) && hash !== '#/servers/listservers';
      }).toBe(true);
    } finally {
      await context.close();
    }
  });
});
