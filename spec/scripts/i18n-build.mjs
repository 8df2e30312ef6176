// Writes the spec in every locale (dist/openapi.<locale>.json): dist/openapi.json with the locale's overlay applied.
// Strings without a translation stay English here; `pnpm lint` (i18n-check.mjs) is what fails on them.
import { writeFileSync } from 'node:fs';
import { loadSpec } from '../lib/index.js';
import { loadLocale, LOCALES, translateSpec } from '../lib/i18n/index.js';
import { runCli } from './i18n-cli.mjs';

runCli(() => {
  const spec = loadSpec();
  for (const locale of LOCALES) {
    const out = new URL(`../dist/openapi.${locale}.json`, import.meta.url);
    writeFileSync(out, `${JSON.stringify(translateSpec(spec, loadLocale(locale)), null, 2)}\n`);
    console.log(`dist/openapi.${locale}.json`);
  }
});
