#!/usr/bin/env node
// `pnpm --filter @vps-org/docs serve [--port N] [--host H]`: serves dist/ until Ctrl+C. DOCS_PORT sets the
// port too (8080 when nothing does); the lead's root `pnpm start` imports serveDocs instead.
import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { DOCS_LOCALES } from '../src/build/locales.js';
import { serveDocs } from '../src/serve.js';

// A bare `--` (as `pnpm serve -- --port 0` passes it) is not an argument.
const args = process.argv.slice(2).filter((a) => a !== '--');
const { values } = parseArgs({ args, options: { port: { type: 'string' }, host: { type: 'string' } } });
const port = Number(values.port ?? process.env.DOCS_PORT ?? 8080);
if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Not a port: ${values.port ?? process.env.DOCS_PORT}`);
if (!existsSync(new URL('../dist/index.html', import.meta.url))) {
  console.error('dist/index.html is missing: run `pnpm --filter @vps-org/docs build` first.');
  process.exit(1);
}

const server = await serveDocs({ port, host: values.host ?? '127.0.0.1' });
for (const l of DOCS_LOCALES) console.log(`docs (${l.name}): ${server.url}${l.dir}`);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => server.stop().then(() => process.exit(0)));
}
