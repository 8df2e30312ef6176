#!/usr/bin/env node
// Builds dist/index.html: the spec bundle plus generated code samples (dist/openapi.json), rendered by
// `redocly build-docs --inlineBundle` into one HTML page that loads nothing from anywhere else.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { decorate } from '../src/build/decorate.js';
import { checkOffline, replaceCdnUrls } from '../src/build/offline.js';
import { checkRenderable } from '../src/build/renderable.js';
import { TITLE } from '../src/build/theme.js';

const here = (p) => fileURLToPath(new URL(`../${p}`, import.meta.url));
const require = createRequire(import.meta.url);
const bundle = JSON.parse(readFileSync(require.resolve('@vps-org/openapi/openapi.json'), 'utf8'));

checkRenderable(bundle);
rmSync(here('dist'), { recursive: true, force: true });
mkdirSync(here('dist'));
writeFileSync(here('dist/openapi.json'), `${JSON.stringify(decorate(bundle), null, 2)}\n`);

const redocly = require.resolve('@redocly/cli/bin/cli.js');
const args = [redocly, 'build-docs', here('dist/openapi.json'), '--inlineBundle', '--config', here('redocly.yaml'),
  '--template', here('templates/index.hbs'), '--title', TITLE, '-o', here('dist/index.html'),
  '--templateOptions.description', bundle.info.summary ?? TITLE];
// The env keeps the CLI itself from phoning home too (update notice, usage telemetry): builds run air-gapped.
const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };
const run = spawnSync(process.execPath, args, { stdio: 'inherit', env });
if (run.status !== 0) process.exit(run.status ?? 1);

const html = replaceCdnUrls(readFileSync(here('dist/index.html'), 'utf8'));
checkOffline(html);
writeFileSync(here('dist/index.html'), html);
console.log(`docs: ${here('dist/index.html')} (${Math.round(html.length / 1024)} KiB)`);
