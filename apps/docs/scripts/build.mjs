#!/usr/bin/env node
// Builds the docs site: dist/index.html (English), dist/ko/index.html and dist/fr/index.html, each the spec bundle
// of its language plus generated code samples (dist/<dir>/openapi.json) in one HTML page that loads nothing from
// anywhere else. See src/build/site.js.
import { relative } from 'node:path';
import { buildSite } from '../src/build/site.js';

try {
  const { pages } = await buildSite();
  for (const p of pages) {
    console.log(`docs (${p.locale}): ${relative(process.cwd(), p.file)} (${Math.round(p.bytes / 1024)} KiB, ${Math.round(p.ms)} ms)`);
  }
} catch (error) {
  console.error(`docs build: ${/** @type {Error} */ (error).message}`);
  process.exit(1);
}
