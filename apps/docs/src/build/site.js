// Builds the docs site: one page per language (dist/index.html, dist/ko/index.html, dist/fr/index.html), each one
// self-contained. `redocly build-docs` runs once, for English; the translations reuse its page (see localize.js).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeSamplesByOperation } from '../samples/index.js';
import { withChangelog } from './changelog.js';
import { decorate } from './decorate.js';
import { docsLocale } from './locales.js';
import { addSwitcher, alignSectionAnchors, localizePage } from './localize.js';
import { checkOffline, replaceCdnUrls } from './offline.js';
import { checkRenderable } from './renderable.js';
import { TITLE } from './theme.js';

const require = createRequire(import.meta.url);
const packageDir = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The spec bundle of a locale, parsed.
 * @param {import('./locales.js').DocsLocale} locale
 * @returns {any} an OpenAPI document
 */
export function readBundle(locale) {
  return JSON.parse(readFileSync(require.resolve(locale.bundle), 'utf8'));
}

/**
 * A translated bundle as its page shows it: its introduction's sections under the English anchors.
 * @param {import('./locales.js').DocsLocale} locale
 * @param {{ info: { description: string } }} english
 */
export function localizedBundle(locale, english) {
  const bundle = readBundle(locale);
  if (typeof bundle.info?.description === 'string') {
    bundle.info.description = alignSectionAnchors(bundle.info.description, english.info.description, locale.id);
  }
  return bundle;
}

/**
 * Runs `redocly build-docs` on `definitionFile`, writing the English page to `outFile`.
 * @param {string} definitionFile
 * @param {string} outFile
 * @param {string} description
 */
function redocBuild(definitionFile, outFile, description) {
  const redocly = require.resolve('@redocly/cli/bin/cli.js');
  const args = [redocly, 'build-docs', definitionFile, '--inlineBundle', '--config', join(packageDir, 'redocly.yaml'),
    '--template', join(packageDir, 'templates/index.hbs'), '--title', TITLE, '-o', outFile,
    '--templateOptions.description', description];
  // The env keeps the CLI itself from phoning home too (update notice, usage telemetry): builds run air-gapped.
  const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };
  const run = spawnSync(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`redocly build-docs failed (exit ${run.status}):\n${run.stderr || run.stdout}`);
}

/**
 * Builds the pages of `locales` (English is always built: it is every page's shell) into `outDir`, emptied first.
 * @param {{ outDir?: string, locales?: string[] }} [options]
 * @returns {{ pages: Array<{ locale: string, file: string, bytes: number, ms: number }> }} `ms`: the time of that
 *   locale's own steps (English includes the Redoc build)
 */
export function buildSite({ outDir = join(packageDir, 'dist'), locales = ['en', 'ko', 'fr'] } = {}) {
  const wanted = [...new Set(['en', ...locales])].map(docsLocale);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const english = readBundle(docsLocale('en'));
  checkRenderable(english);
  // Every language shows the same generated samples: they are code, and code is not translated.
  const samples = codeSamplesByOperation(english);
  /** @type {Array<{ locale: string, file: string, bytes: number, ms: number }>} */
  const pages = [];
  let shell = '';
  for (const locale of wanted) {
    const start = performance.now();
    const bundle = locale.id === 'en' ? english : localizedBundle(locale, english);
    const definition = withChangelog(decorate(bundle, samples), locale.id);
    const dir = join(outDir, locale.dir);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'openapi.json'), `${JSON.stringify(definition, null, 2)}\n`);
    const file = join(dir, 'index.html');
    let html;
    if (locale.id === 'en') {
      redocBuild(join(dir, 'openapi.json'), file, bundle.info.summary ?? TITLE);
      shell = replaceCdnUrls(readFileSync(file, 'utf8'));
      html = addSwitcher(shell, locale);
    } else {
      html = localizePage(shell, locale, definition);
    }
    checkOffline(html);
    writeFileSync(file, html);
    pages.push({ locale: locale.id, file, bytes: Buffer.byteLength(html), ms: performance.now() - start });
  }
  return { pages };
}
