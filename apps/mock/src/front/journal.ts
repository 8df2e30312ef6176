// The request journal: what each token asked of the mock (method, path, query, status, time, and the body with its
// secrets redacted), so that a CI test can assert "my code deleted exactly these records". Bounded per token.

const MAX_ENTRIES_PER_TOKEN = 1000;
// Keys whose values are secrets wherever they appear in a body.
const SECRET_KEY = /token|secret|passw|authorization|api[-_]?key|private|credential/i;
// A vendor token inside any string value.
const TOKEN_TEXT = /vps_[!-~]+/g;
export const REDACTED = '[redacted]';

/** A copy of a JSON value with every secret replaced. */
export function redact(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(TOKEN_TEXT, REDACTED);
  if (Array.isArray(value)) return value.map(redact);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, SECRET_KEY.test(key) ? REDACTED : redact(v)]));
  }
  return value;
}

export interface JournalEntry {
  method: string;
  path: string;
  query: Record<string, string>;
  status: number;
  /** ISO 8601, when the answer was sent. */
  time: string;
  /** The JSON body, redacted; null when there was none (or it was not JSON). */
  body: unknown;
}

export class Journal {
  readonly entries = new Map<string, JournalEntry[]>();

  constructor(readonly limit = MAX_ENTRIES_PER_TOKEN) {}

  record(token: string, { method, target, status, body }: { method: string; target: string; status: number; body: Buffer }) {
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
    list.push({ method, path: url.pathname, query: redact(Object.fromEntries(url.searchParams)) as Record<string, string>, status, time: new Date().toISOString(), body: parsed });
    if (list.length > this.limit) list.splice(0, list.length - this.limit);
    this.entries.set(token, list);
  }

  list(token: string) {
    return this.entries.get(token) ?? [];
  }

  clear(token: string) {
    this.entries.delete(token);
  }
}
