export const REDACTED = '[redacted]';

/** HTML's named escapes of the characters a token may hold that a page escapes. */
const NAMED: Record<string, string[]> = {
  '&': ['&amp;'],
  '<': ['&lt;'],
  '>': ['&gt;'],
  '"': ['&quot;'],
  "'": ['&apos;'],
  '/': ['&sol;'],
  '=': ['&equals;'],
  '+': ['&plus;'],
};

/** JSON's short escapes: `\"`, `\\`, `\/`. */
const JSON_SHORT: Record<string, string> = { '"': '\\\\"', '\\': '\\\\\\\\', '/': '\\\\/' };

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A pattern that matches `secret` however a server echoes it: each character as itself, JSON-escaped (`\u005f`,
 * `\/`), URL-encoded (`%2B`, `%2b`) or HTML-escaped (`&quot;`, `&#34;`, `&#x22;`), in any mix.
 */
function echoPattern(secret: string): RegExp {
  const parts = [...secret].map((char) => {
    const code = char.charCodeAt(0);
    const hex = code.toString(16);
    const alternatives = [
      escapeRegExp(char),
      `\\\\u0*${hex}`,
      `%${hex.padStart(2, '0')}`,
      `&#0*${code};`,
      `&#x0*${hex};`,
      ...(NAMED[char] ?? []),
      ...(JSON_SHORT[char] ? [JSON_SHORT[char]] : []),
    ];
    return `(?:${alternatives.join('|')})`;
  });
  return new RegExp(parts.join(''), 'gi');
}

/** Replaces `secrets` in a string, in every encoding a server may echo them. */
export type Redact = <T>(value: T) => T;

/**
 * Replaces every occurrence of the secrets in what the server echoes back: in a text, or in every string of a
 * parsed JSON value (keys included). Built only when something fails: the patterns cost more than a request.
 */
export function redactor(...secrets: string[]): Redact {
  const patterns = secrets.map(echoPattern);
  const text = (value: string) => patterns.reduce((out, pattern) => out.replace(pattern, REDACTED), value);
  const redact = (value: unknown): unknown => {
    if (typeof value === 'string') return text(value);
    if (Array.isArray(value)) return value.map(redact);
    if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [text(key), redact(item)]));
    }
    return value;
  };
  return redact as Redact;
}

/** Bytes an error of fetch keeps (undici's parser error keeps the malformed answer in `data`). */
const isBytes = (value: unknown): value is Uint8Array => value instanceof Uint8Array;

/**
 * Redacts an error in place, and every error of its `cause` chain (AggregateError's `errors` too): each string and
 * byte field, `message` and `stack` included. fetch's own errors can hold what the server sent (undici's parser
 * error keeps a malformed answer in `data`), and `console.log(error)` prints the whole chain.
 */
export function redactError<E>(error: E, redact: Redact, seen = new Set<unknown>()): E {
  if (typeof error !== 'object' || error === null || seen.has(error)) return error;
  seen.add(error);
  for (const key of Reflect.ownKeys(error)) {
    const descriptor = Object.getOwnPropertyDescriptor(error, key);
    if (!descriptor) continue;
    if (!('value' in descriptor)) {
      // V8's `stack` may be an accessor: read it once and keep the redacted text.
      const stack: unknown = key === 'stack' ? (error as { stack?: unknown }).stack : undefined;
      if (typeof stack === 'string') {
        if (redact(stack) !== stack) Object.defineProperty(error, 'stack', { value: redact(stack), writable: true, configurable: true });
      }
      continue;
    }
    const value: unknown = descriptor.value;
    let redacted: unknown = value;
    if (typeof value === 'string' || Array.isArray(value) || (typeof value === 'object' && value !== null && !(value instanceof Error))) {
      redacted = isBytes(value) ? redactBytes(value, redact) : redact(value);
    }
    if (key === 'cause' || value instanceof Error) redactError(value, redact, seen);
    if (key === 'errors' && Array.isArray(value)) value.forEach((item) => redactError(item, redact, seen));
    if (redacted !== value) {
      try {
        Object.defineProperty(error, key, { ...descriptor, value: redacted });
      } catch {
        // A frozen error: nothing of ours can change it.
      }
    }
  }
  return error;
}

function redactBytes(bytes: Uint8Array, redact: Redact): Uint8Array {
  const text = new TextDecoder().decode(bytes);
  const clean = redact(text);
  return clean === text ? bytes : new TextEncoder().encode(clean);
}
