// Building the fake's answers: JSON bodies, 204s, and the API's error body `{detail, error_code, field}`.

/** @param {number} status @param {unknown} body */
export function json(status, body) {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

export function noContent() {
  return new Response(null, { status: 204 });
}

/** @param {number} ms */
export const iso = (ms) => new Date(ms).toISOString();

/**
 * What the operations of the fake get: the caller's account, the request, and the clock.
 * @typedef {object} Call
 * @property {import('./store.js').Account} account
 * @property {import('@vps-org/openapi').OperationModel} op
 * @property {Record<string, string>} params
 * @property {URL} url
 * @property {unknown} body
 * @property {number} now
 * @property {() => number} nextServerId A server id never given before in this fake's life, across tokens and resets.
 */

/**
 * Answers an error of the operation with a status it documents.
 * @typedef {(status: number, body: { detail: string, error_code?: string, field?: string | null }) => Response} Fail
 */

/** A query filter's value; an empty one filters nothing, as django-filter ignores it. @param {URL} url @param {string} name */
export function filterValue(url, name) {
  return url.searchParams.get(name) || null;
}
