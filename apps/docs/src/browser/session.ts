// One recorded Chromium page per describe block: opened on a docs page once Redoc's menu is there, closed after,
// with the check every test ends with (something loaded, nothing left the site, no error logged).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { recordedPage } from './chromium.js';

export interface PageSession {
  page: Page;
  log: { requests: string[]; foreign: string[]; errors: string[] };
  /** Nothing left the page's own site and nothing was logged as an error. */
  expectClean(): void;
}

/** Registers the hooks of a session on `url()` (a function: servers and browsers exist only once beforeAll ran). */
export function usePageSession(browser: () => Browser, isOwn: () => (url: string) => boolean, url: () => string): PageSession {
  let close: (() => Promise<void>) | undefined;
  const session = {
    expectClean() {
      expect(session.log.requests.length).toBeGreaterThan(0);
      expect(session.log.foreign).toEqual([]);
      expect(session.log.errors).toEqual([]);
    },
  } as PageSession;
  beforeAll(async () => {
    const recorded = await recordedPage(browser(), isOwn());
    session.page = recorded.page;
    session.log = recorded.log;
    close = () => recorded.context.close();
    await session.page.goto(url());
    await session.page.locator('[data-component-name="Menu/Menu"]').first().waitFor();
  });
  afterAll(async () => {
    await close?.();
  });
  return session;
}
