// The code samples of the docs: one module per language, all rendered from the same sample request
// (./model.js), in the order the docs list them. Each entry's lang + label must match redocly.yaml's
// openapi.codeSamples.languages, because Redoc matches samples to its language tabs by that key.
import * as curl from './curl.js';
import * as typescript from './typescript.js';
import * as python from './python.js';
import * as php from './php.js';
import { listOperations, namedExamples } from '@vps-org/openapi';
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
 * operationId -> its x-codeSamples, for every operation of the spec: the four samples of its first request example
 * (what Redoc shows first), then, when the body has several named examples, four more for each, marked with
 * `x-example: <name>` so the page shows the samples of the example the reader picks (labels-patch.js' sibling,
 * samples-patch.js, makes Redoc choose by it).
 * @param {import('@vps-org/openapi').JsonObject} spec
 */
export function codeSamplesByOperation(spec) {
  return new Map(listOperations(spec).map((op) => {
    const req = sampleRequest(spec, op);
    const named = op.requestBody ? Object.entries(namedExamples(spec, op, 'request')) : [];
    const perExample = named.length > 1
      ? named.flatMap(([name, body]) => codeSamples({ ...req, body }).map((sample) => ({ ...sample, 'x-example': name })))
      : [];
    return [op.operationId, [...codeSamples(req), ...perExample]];
  }));
}

export { sampleRequests, sampleRequest };
