// The built three-page site for a test file: its pages checked to exist (a missing build fails, never skips), a
// serveDocs server and one Chromium, started once before the file's tests and stopped after them.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { DOCS_LOCALES, type DocsLocale } from '../build/locales.js';
import { serveDocs } from '../serve.js';
import { launchChromium } from './chromium.js';

/** The built page of a language. */
export const pageFile = (l: DocsLocale) => fileURLToPath(new URL(`../../dist/${l.dir}index.html`, import.meta.url));

export interface BuiltSite {
  browser: Browser;
  server: Awaited<ReturnType<typeof serveDocs>>;
}

/** Registers the file's hooks; the returned object is filled in once beforeAll ran. */
export function useBuiltSite(): BuiltSite {
  const site = {} as BuiltSite;
  beforeAll(async () => {
    for (const l of DOCS_LOCALES) {
      if (!existsSync(pageFile(l))) throw new Error(`dist/${l.dir}index.html is missing: run \`pnpm --filter @vps-org/docs build\``);
    }
    site.server = await serveDocs();
    site.browser = await launchChromium();
  });
  afterAll(async () => {
    await site.browser?.close();
    await site.server?.stop();
  });
  return site;
}
