// 3. Type cost: `tsc --noEmit --extendedDiagnostics` of a consumer calling all 20 operations vs an empty one.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { median } from './stats.mjs';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const dir = fileURLToPath(new URL('../consumers/types/', import.meta.url));

/** @typedef {{ checkMs: number, instantiations: number, memoryK: number }} Diagnostics */

/**
 * @param {string} name
 * @returns {Diagnostics}
 */
function diagnostics(name) {
  const r = spawnSync(process.execPath, [tsc, '-p', `tsconfig.${name}.json`, '--extendedDiagnostics'], { cwd: dir, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`tsc failed on ${name}.ts:\n${r.stdout}${r.stderr}`);
  const num = (/** @type {string} */ label) => Number(r.stdout.match(new RegExp(`^${label}:\\s+([\\d.]+)`, 'm'))?.[1]);
  return { checkMs: num('Check time') * 1000, instantiations: num('Instantiations'), memoryK: num('Memory used') };
}

/** @returns {Record<'empty' | 'all-operations', Diagnostics>} */
export function measureTypes({ runs = 3 } = {}) {
  /** @type {Record<string, Diagnostics>} */
  const result = {};
  for (const name of ['empty', 'all-operations']) {
    const samples = Array.from({ length: runs }, () => diagnostics(name));
    result[name] = {
      checkMs: median(samples.map((s) => s.checkMs)),
      instantiations: samples[0]?.instantiations ?? Number.NaN,
      memoryK: median(samples.map((s) => s.memoryK)),
    };
  }
  return /** @type {Record<'empty' | 'all-operations', Diagnostics>} */ (result);
}
