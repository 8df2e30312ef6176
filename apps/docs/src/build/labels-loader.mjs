// Module hook of labels-hook.mjs: the one @redocly/cli chunk that holds Redoc's translate stub gets it patched.
import { patchTranslateStub } from './labels-patch.js';

const STUB_MARK = 'useTranslate:()=>({translate:';
let patched = 0;

/**
 * @param {string} url
 * @param {object} context
 * @param {(url: string, context: object) => Promise<{ source?: string | ArrayBuffer | Uint8Array, format?: string }>} nextLoad
 */
export async function load(url, context, nextLoad) {
  const result = await nextLoad(url, context);
  if (!url.includes('/@redocly/cli/lib/') || result.source == null) return result;
  const source = typeof result.source === 'string' ? result.source : new TextDecoder().decode(result.source);
  if (!source.includes(STUB_MARK)) return result;
  patched++;
  return { ...result, source: patchTranslateStub(source, `${url} (patch ${patched})`) };
}
