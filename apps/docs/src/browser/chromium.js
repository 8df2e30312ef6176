// Debian's Chromium driven by playwright-core (never `playwright install`), and a recorder of everything a page
// requests or logs, so a test can say what left the page and what went wrong in it.
import { chromium } from 'playwright-core';

const ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-gpu',
  '--no-first-run', '--disable-sync'];

export function launchChromium() {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS });
}

/**
 * A fresh context whose every request (page and workers) is recorded; the ones `isOwn` refuses are recorded as
 * foreign and aborted, so a test never reaches the network even when the page misbehaves.
 * @param {import('playwright-core').Browser} browser
 * @param {(url: string) => boolean} isOwn
 */
export async function recordedPage(browser, isOwn) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: 'light' });
  // Playwright's 30 s default for a wait or a navigation is a guess a busy runner breaks; this only bounds a hang.
  context.setDefaultTimeout(120_000);
  /** @type {{ requests: string[], foreign: string[], errors: string[] }} */
  const log = { requests: [], foreign: [], errors: [] };
  context.on('request', (request) => {
    log.requests.push(request.url());
    if (!isOwn(request.url())) log.foreign.push(`${request.method()} ${request.url()}`);
  });
  await context.route(() => true, (route) => (isOwn(route.request().url()) ? route.continue() : route.abort()));
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') log.errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => log.errors.push(`page error: ${error.message}`));
  return { context, page, log };
}

/**
 * The page's own origin: the one file for file://, the server's origin for http; data: and blob: always.
 * @param {string} pageUrl
 */
export function ownOrigin(pageUrl) {
  return ownSite([pageUrl]);
}

/**
 * Like ownOrigin, for a site of several pages: for file://, exactly these files (the language versions).
 * @param {string[]} pageUrls
 * @returns {(url: string) => boolean}
 */
export function ownSite(pageUrls) {
  const pages = pageUrls.map((p) => new URL(p));
  return (url) => {
    if (url.startsWith('data:') || url.startsWith('blob:')) return true;
    const u = new URL(url);
    return pages.some((page) =>
      page.protocol === 'file:' ? u.protocol === 'file:' && u.pathname === page.pathname : u.origin === page.origin);
  };
}
