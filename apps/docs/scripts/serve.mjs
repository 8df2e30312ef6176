#!/usr/bin/env node
// `pnpm --filter @vps-org/docs serve [--port N] [--host H]`: serves dist/ until Ctrl+C. DOCS_PORT sets the
// port too (8080 when nothing does); the lead's root `pnpm start` imports serveDocs instead.
import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { DOCS_LOCALES } from '../src/build/locales.js';
import { serveDocs } from '../src/serve.js';

const USAGE = 'Usage: pnpm --filter @vps-org/docs serve [--port N] [--host H]   (DOCS_PORT sets the port too; default 8080)';

/** @param {string} message @returns {never} */
function fail(message) {
  console.error(`docs serve: ${message}`);
  process.exit(1);
}

// A bare `--` (as `pnpm serve -- --port 0` passes it) is not an argument.
const args = process.argv.slice(2).filter((a) => a !== '--');
/** @type {{ port?: string, host?: string, help?: boolean }} */
let values = {};
try {
  values = parseArgs({ args, options: { port: { type: 'string' }, host: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }).values;
} catch (error) {
  fail(`${/** @type {Error} */ (error).message}\n${USAGE}`);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const from = values.port !== undefined ? '--port' : 'DOCS_PORT';
const raw = values.port ?? process.env.DOCS_PORT ?? '8080';
if (!/^\d+$/.test(raw) || Number(raw) > 65535) fail(`${from} must be a port number from 0 to 65535, got "${raw}"`);
const port = Number(raw);
if (!existsSync(new URL('../dist/index.html', import.meta.url))) fail('dist/index.html is missing: run `pnpm --filter @vps-org/docs build` first.');

const server = await serveDocs({ port, host: values.host ?? '127.0.0.1' }).catch((/** @type {NodeJS.ErrnoException} */ error) =>
  fail(error.code === 'EADDRINUSE' ? `port ${port} is in use; pass --port or set DOCS_PORT to another (0 for a free one)` : error.message),
);
for (const l of DOCS_LOCALES) console.log(`docs (${l.name}): ${server.url}${l.dir}`);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => server.stop().then(() => process.exit(0)));
}
