// 2. Size: esbuild-minified consumers, then gzip and brotli, and the client package's whole dist.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const here = fileURLToPath(new URL('..', import.meta.url));
const gzip = (/** @type {Buffer} */ buf) => gzipSync(buf, { level: 9 }).length;
const brotli = (/** @type {Buffer} */ buf) => brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

/** @param {string} entry */
async function bundle(entry) {
  const out = await build({
    entryPoints: [join(here, 'consumers/size', entry)],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  const [file] = out.outputFiles;
  if (!file) throw new Error(`esbuild wrote nothing for ${entry}`);
  return Buffer.from(file.contents);
}

/**
 * @param {string} dir
 * @returns {string[]}
 */
function walk(dir) {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

export async function measureSize() {
  /** @type {Array<{ name: string, min: number, gzip: number, brotli: number, dts?: number }>} */
  const rows = [];
  /** @type {Array<[string, string]>} */
  const consumers = [
    ['consumer: @vps-org/client, one call', 'vps-client.js'],
    ['consumer: @vps-org/client, every feature', 'vps-client-all.js'],
    ['consumer: openapi-fetch', 'openapi-fetch.js'],
    ['consumer: axios', 'axios.js'],
  ];
  for (const [name, entry] of consumers) {
    const buf = await bundle(entry);
    rows.push({ name, min: buf.length, gzip: gzip(buf), brotli: brotli(buf) });
  }
  // What `npm install @vps-org/client` puts on disk that runs: the published JS (declarations counted apart).
  const dist = fileURLToPath(new URL('../../../packages/client/dist', import.meta.url));
  const files = walk(dist);
  const js = Buffer.concat(files.filter((f) => f.endsWith('.js')).map((f) => readFileSync(f)));
  const dts = files.filter((f) => f.endsWith('.d.ts')).reduce((n, f) => n + statSync(f).size, 0);
  rows.push({ name: '@vps-org/client dist (*.js)', min: js.length, gzip: gzip(js), brotli: brotli(js), dts });
  return rows;
}
