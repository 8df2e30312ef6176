// The build's copy of the bundle: the spec itself stays free of docs concerns, and the docs add to a copy
// the generated x-codeSamples of every operation and the VPS.org logo (inline, so nothing is fetched).
import { codeSamplesByOperation } from '../samples/index.js';
import { LOGO_DATA_URI } from './theme.js';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/**
 * A deep copy of `bundle` with x-codeSamples on every operation and info.x-logo. `samples` defaults to the ones
 * generated from `bundle`; a translated bundle is given the English ones (code is the same in every language).
 * @param {any} bundle an OpenAPI document (open-ended JSON)
 * @param {Map<string, unknown>} [samples]
 */
export function decorate(bundle, samples = codeSamplesByOperation(bundle)) {
  const doc = structuredClone(bundle);
  for (const item of Object.values(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const own = samples.get(op.operationId);
      if (!own) throw new Error(`No code samples were generated for ${op.operationId}`);
      if (op['x-codeSamples']) throw new Error(`${op.operationId} already has x-codeSamples: they are generated here`);
      op['x-codeSamples'] = own;
    }
  }
  doc.info['x-logo'] = { url: LOGO_DATA_URI, altText: 'VPS.org API', href: '#/' };
  return doc;
}
