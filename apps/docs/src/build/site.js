// Builds the docs site: one page per language (dist/index.html, dist/ko/index.html, dist/fr/index.html), each one
// self-contained and prerendered by `redocly build-docs` in its own language (text in the HTML, menu shown before
// any script runs); the three builds run at the same time.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeSamplesByOperation } from '../samples/index.js';
import { withChangelog } from './changelog.js';
import { decorate } from './decorate.js';
import { docsLocale } from './locales.js';
import { uiLabels } from '@vps-org/openapi/i18n';
import { alignSectionAnchors, localizePage } from './localize.js';
import { checkOffline, replaceCdnUrls } from './offline.js';
import { checkRenderable } from './renderable.js';

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
 * Runs `redocly build-docs` on `definitionFile`, writing the page of `locale` to `outFile`; Redoc's labels come
 * from `labels` (see labels-patch.js), in the prerendered markup as in the browser.
 * @param {string} definitionFile
 * @param {string} outFile
 * @param {import('./locales.js').DocsLocale} locale
 * @param {string} description
 * @param {{ labels: Record<string, unknown> }} dictionary
 * @returns {Promise<void>}
 */
function redocBuild(definitionFile, outFile, locale, description, { labels }) {
  const redocly = require.resolve('@redocly/cli/bin/cli.js');
  const args = ['--import', join(packageDir, 'src/build/labels-hook.mjs'), redocly, 'build-docs', definitionFile, '--inlineBundle',
    '--config', join(packageDir, 'redocly.yaml'), '--template', join(packageDir, 'templates/index.hbs'), '--title', locale.title,
    '-o', outFile, '--templateOptions.description', description];
  // The env keeps the CLI itself from phoning home too (update notice, usage telemetry): builds run air-gapped.
  const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', VPS_REDOC_LABELS: JSON.stringify(labels) };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env });
    let output = '';
    child.stdout.on('data', (chunk) => { output += chunk; });
    child.stderr.on('data', (chunk) => { output += chunk; });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`redocly build-docs (${locale.id}) failed (exit ${code}):\n${output}`));
    });
  });
}

/**
 * Redoc's labels for a locale: none for English (Redoc's own), the spec's dictionary otherwise.
 * @param {import('./locales.js').DocsLocale} locale
 * @returns {{ labels: Record<string, unknown>, texts: Record<string, string> }}
 */
export function labelsOf(locale) {
  return locale.id === 'en' ? { labels: {}, texts: {} } : uiLabels(locale.id);
}

/**
 * Builds the pages of `locales` into `outDir`, emptied first.
 * @param {{ outDir?: string, locales?: string[] }} [options]
 * @returns {Promise<{ pages: Array<{ locale: string, file: string, bytes: number, ms: number }> }>} `ms`: the time
 *   from the start of the build until that locale's page was written
 */
export async function buildSite({ outDir = join(packageDir, 'dist'), locales = ['en', 'ko', 'fr'] } = {}) {
  const wanted = [...new Set(locales)].map(docsLocale);
  const start = performance.now();
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const english = readBundle(docsLocale('en'));
  checkRenderable(english);
  // Every language shows the same generated samples: they are code, and code is not translated.
  const samples = codeSamplesByOperation(english);
  const pages = await Promise.all(wanted.map(async (locale) => {
    const bundle = locale.id === 'en' ? english : localizedBundle(locale, english);
    const labels = labelsOf(locale);
    const definition = withChangelog(decorate(bundle, samples), locale.id);
    const dir = join(outDir, locale.dir);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'openapi.json'), `${JSON.stringify(definition, null, 2)}\n`);
    const file = join(dir, 'index.html');
    await redocBuild(join(dir, 'openapi.json'), file, locale, bundle.info.summary ?? locale.title, labels);
    const html = localizePage(replaceCdnUrls(readFileSync(file, 'utf8')), locale, labels);
    checkOffline(html);
    writeFileSync(file, html);
    return { locale: locale.id, file, bytes: Buffer.byteLength(html), ms: performance.now() - start };
  }));
  return { pages };
}
