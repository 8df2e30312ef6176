// The code samples of the docs: one module per language, all rendered from the same sample request
// (./model.js), in the order the docs list them. Each entry's lang + label must match redocly.yaml's
// openapi.codeSamples.languages, because Redoc matches samples to its language tabs by that key.
import * as curl from './curl.js';
import * as typescript from './typescript.js';
import * as python from './python.js';
import * as php from './php.js';
import { sampleRequests, sampleRequest } from './model.js';

export const LANGUAGES = [curl, typescript, python, php];

/**
 * The x-codeSamples of one sample request.
 * @param {import('./model.js').SampleRequest} req
 */
export function codeSamples(req) {
  return LANGUAGES.map(({ lang, label, render }) => ({ lang, label, source: render(req) }));
}

/**
 * operationId -> its x-codeSamples, for every operation of the spec.
 * @param {import('@vps-org/openapi').JsonObject} spec
 */
export function codeSamplesByOperation(spec) {
  return new Map(sampleRequests(spec).map((req) => [req.operationId, codeSamples(req)]));
}

export { sampleRequests, sampleRequest };
