// What the built page really ships, read back from dist/index.html: tests check these samples, not a fresh
// rendering of the generator, so a stale or mangled build cannot pass.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { listOperations } from '@vps-org/openapi';

export const builtPagePath = fileURLToPath(new URL('../../dist/index.html', import.meta.url));

/** dist/index.html, or a clear failure (never a skip) when it was not built. */
export function readBuiltPage() {
  if (!existsSync(builtPagePath)) throw new Error('dist/index.html is missing: run `pnpm --filter @vps-org/docs build`');
  return readFileSync(builtPagePath, 'utf8');
}

/**
 * One of the JSON literals build-docs hands to Redoc's hydrate(): `__redoc_definition` or `__redoc_options`.
 * @param {string} html
 * @param {string} name
 * @returns {any} the parsed literal (open-ended JSON)
 */
export function redocLiteral(html, name) {
  const m = new RegExp(`const ${name} = (.*);\\n`).exec(html);
  if (!m?.[1]) throw new Error(`No ${name} in the built page`);
  return JSON.parse(m[1]);
}

/**
 * Every operation of the page's definition with its x-codeSamples by label: the ones shown first (`samples`), and
 * those of each named request example (`byExample`, empty when the body has one example or none).
 * @returns {Array<{ operationId: string, method: string, path: string, samples: Record<string, string>,
 *   byExample: Record<string, Record<string, string>> }>}
 */
export function shippedSamples(html = readBuiltPage()) {
  return listOperations(redocLiteral(html, '__redoc_definition')).map((op) => ({
    operationId: op.operationId,
    method: op.method,
    path: op.path,
    samples: bySample(op.raw['x-codeSamples'], undefined),
    byExample: Object.fromEntries([...new Set((op.raw['x-codeSamples'] ?? []).map((/** @type {Sample} */ s) => s['x-example']).filter(Boolean))]
      .map((name) => [name, bySample(op.raw['x-codeSamples'], name)])),
  }));
}

/** @typedef {{ label: string, source: string, 'x-example'?: string }} Sample */

/**
 * label -> source of the samples of one example (`undefined`: the ones shown first, with no `x-example`).
 * @param {Sample[] | undefined} samples
 * @param {string | undefined} example
 */
function bySample(samples, example) {
  return Object.fromEntries((samples ?? []).filter((s) => s['x-example'] === example).map((s) => [s.label, s.source]));
}
