// The request journal: what each token asked of the mock (method, path, query, status, time, and the body with its
// secrets redacted), so that a CI test can assert "my code deleted exactly these records". Bounded per token.

const MAX_ENTRIES_PER_TOKEN = 1000;
// Keys whose values are secrets wherever they appear in a body.
const SECRET_KEY = /token|secret|passw|authorization|api[-_]?key|private|credential/i;
// A vendor token inside any string value.
const TOKEN_TEXT = /vps_[!-~]+/g;
export const REDACTED = '[redacted]';

/** A copy of a JSON value with every secret replaced. @param {unknown} value @returns {unknown} */
export function redact(value) {
  if (typeof value === 'string') return value.replace(TOKEN_TEXT, REDACTED);
  if (Array.isArray(value)) return value.map(redact);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, SECRET_KEY.test(key) ? REDACTED : redact(v)]));
  }
  return value;
}

/**
 * @typedef {object} JournalEntry
 * @property {string} method
 * @property {string} path
 * @property {Record<string, string>} query
 * @property {number} status
 * @property {string} time ISO 8601, when the answer was sent.
 * @property {unknown} body The JSON body, redacted; null when there was none (or it was not JSON).
 */

export class Journal {
  constructor(limit = MAX_ENTRIES_PER_TOKEN) {
    this.limit = limit;
    /** @type {Map<string, JournalEntry[]>} */
    this.entries = new Map();
  }

  /**
   * @param {string} token
   * @param {{ method: string, target: string, status: number, body: Buffer }} exchange
   */
  record(token, { method, target, status, body }) {
    const url = new URL(target, 'http://journal');
    let parsed = null;
    if (body.length) {
      try {
        parsed = redact(JSON.parse(body.toString('utf8')));
      } catch {
        parsed = null;
      }
    }
    const list = this.entries.get(token) ?? [];
    list.push({ method, path: url.pathname, query: /** @type {Record<string, string>} */ (redact(Object.fromEntries(url.searchParams))), status, time: new Date().toISOString(), body: parsed });
    if (list.length > this.limit) list.splice(0, list.length - this.limit);
    this.entries.set(token, list);
  }

  /** @param {string} token */
  list(token) {
    return this.entries.get(token) ?? [];
  }

  /** @param {string} token */
  clear(token) {
    this.entries.delete(token);
  }
}
