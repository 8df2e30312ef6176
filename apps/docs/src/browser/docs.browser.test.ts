// The built page in a real Chromium, from file:// and from serveDocs: it must load nothing from elsewhere,
// reach every operation by its anchor, search, show the client call, and log no error.
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listOperations, loadSpec } from '@vps-org/openapi';
import { launchChromium, ownOrigin, recordedPage } from './chromium.js';
import { usePageSession } from './session.js';
import { serveDocs } from '../serve.js';
import { shippedSamples } from '../build/shipped.js';
import { operationAnchor } from './anchors.js';

const indexHtml = fileURLToPath(new URL('../../dist/index.html', import.meta.url));
const artifacts = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));
const spec = loadSpec();
const operations = listOperations(spec);

let browser: Browser;
let server: Awaited<ReturnType<typeof serveDocs>>;

beforeAll(async () => {
  // A missing build is a failure, never a skip: turbo runs the build before the tests.
  if (!existsSync(indexHtml)) throw new Error('dist/index.html is missing: run `pnpm --filter @vps-org/docs build`');
  mkdirSync(artifacts, { recursive: true });
  server = await serveDocs();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

it('there are 20 operations to look for', () => {
  expect(operations).toHaveLength(20);
});

it('the recorder catches a request that leaves the page (the checks below are not vacuous)', async () => {
  const url = pathToFileURL(indexHtml).href;
  const { context, page, log } = await recordedPage(browser, ownOrigin(url));
  try {
    await page.goto(url);
    await page.evaluate(() => {
      const img = document.createElement('img');
      img.src = 'https://cdn.example.invalid/logo.svg'; // blocked by the page's CSP or aborted by the route
      document.body.append(img);
    });
    await expect.poll(() => log.foreign).toContain('GET https://cdn.example.invalid/logo.svg');
  } finally {
    await context.close();
  }
});

describe.each([
  ['file', () => pathToFileURL(indexHtml).href],
  ['http', () => server.url],
])('the docs page from %s://', (origin, baseUrl) => {
  const session = usePageSession(() => browser, () => ownOrigin(baseUrl()), baseUrl);
  const expectClean = () => session.expectClean();

  it('loads, titled and branded VPS.org, with no request leaving the page', async () => {
    const { page } = session;
    expect(await page.title()).toBe('VPS.org API Reference');
    await expect.poll(() => page.locator('[data-component-name="SidebarLogo/SidebarLogo"] img').first().getAttribute('src'))
      .toMatch(/^data:image\/svg\+xml/);
    // Late requests (telemetry batches, lazy images) would keep the network busy: wait until it has been idle.
    await page.waitForLoadState('networkidle');
    expectClean();
  });

  it('reaches each of the 20 operations by its anchor', async () => {
    const { page } = session;
    for (const op of operations) {
      const anchor = operationAnchor(op);
      await page.goto(`${baseUrl()}${anchor}`);
      const section = page.locator(`[id="${anchor.slice(2)}"]`);
      await section.waitFor({ state: 'visible' });
      await expect.poll(() => section.locator('h2').first().textContent(), { message: anchor }).toBe(op.summary);
      // The anchor scrolls its operation into view, and the sidebar links the same anchor.
      await expect.poll(() => section.evaluate((e) => Math.round(e.getBoundingClientRect().top)), { message: anchor })
        .toBeLessThan(200);
      expect(await page.locator(`[data-component-name="Menu/Menu"] a[href="${anchor}"]`).count(), anchor).toBeGreaterThan(0);
    }
    expectClean();
  });

  it('finds "reboot" with the search box', async () => {
    const { page } = session;
    await page.locator('[data-testid="search-trigger"]').click();
    const input = page.locator('input[placeholder^="Search"]');
    await input.fill('reboot');
    const hit = page.locator('[data-component-name="Search/SearchItem"]', { hasText: 'Reboot a server' }).first();
    await hit.waitFor();
    await hit.click();
    await expect.poll(() => new URL(page.url()).hash).toBe('#/servers/rebootserver');
    expectClean();
  });

  it('shows the client call in the TypeScript sample of createDnsZoneRecord, and screenshots it', async () => {
    const { page } = session;
    const anchor = '#/dns-zones/creatednszonerecord';
    await page.goto(`${baseUrl()}${anchor}`);
    const section = page.locator(`[id="${anchor.slice(2)}"]`);
    await section.waitFor({ state: 'visible' });
    await section.locator('button[aria-haspopup="menu"]', { hasText: /^(cURL|TypeScript|Python|PHP)$/ }).first().click();
    await page.locator('[role="menuitem"]:visible', { hasText: 'TypeScript' }).click();
    const code = section.locator('[data-component-name="CodeBlock/CodeBlock"]').first();
    await expect.poll(() => code.textContent()).toContain('vps.dnsZones.createRecord(');
    const expected = shippedSamples().find((op) => op.operationId === 'createDnsZoneRecord')!.samples.TypeScript;
    expect((await code.textContent())?.trim()).toBe(expected);
    await section.evaluate((e) => e.scrollIntoView());
    await page.screenshot({ path: `${artifacts}createDnsZoneRecord.${origin}.png` });
    expectClean();
  });
});
