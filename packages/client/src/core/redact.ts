export const REDACTED = '[redacted]';

/** HTML's named escapes of the characters a token may hold that a page escapes (`&amp;`...). */
const NAMED: Record<string, string> = { '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos', '/': 'sol', '=': 'equals', '+': 'plus' };

/**
 * A pattern that matches `secret` however a server echoes it: each character as itself, JSON-escaped (`\u005f`,
 * `\/`), URL-encoded (`%2B`, `%2b`) or HTML-escaped (`&quot;`, `&#34;`, `&#x22;`), in any mix. A token is printable
 * ASCII (see token.ts), so each character's hex code has two digits.
 */
function echoPattern(secret: string): RegExp {
  let pattern = '';
  for (const char of secret) {
    const code = char.charCodeAt(0);
    const hex = code.toString(16);
    const itself = char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    pattern +=
      `(?:${itself}|\\\\u0*${hex}|%${hex}|&#0*${code};|&#x0*${hex};` +
      (NAMED[char] ? `|&${NAMED[char]};` : '') +
      // JSON's short escapes: `\"`, `\\`, `\/`.
      ('"\\/'.includes(char) ? `|\\\\${itself})` : ')');
  }
  return new RegExp(pattern, 'gi');
}

/** Replaces `secrets` in a string, in every encoding a server may echo them. */
export type Redact = <T>(value: T) => T;

/**
 * Replaces every occurrence of the secrets in what the server echoes back: in a text, in every string of a parsed
 * JSON value (keys included), in bytes, and, in place, in an error and every error of its `cause` chain
 * (AggregateError's `errors` too): each string and byte field, `message` and `stack` included. fetch's own errors
 * can hold what the server sent (undici's parser error keeps a malformed answer in `data`, as bytes), and
 * `console.log(error)` prints the whole chain. Built only when something fails: the patterns cost more than a request.
 */
export function redactor(...secrets: string[]): Redact {
  const patterns = secrets.map(echoPattern);
  const text = (value: string) => patterns.reduce((out, pattern) => out.replace(pattern, REDACTED), value);
  // Errors already redacted with these patterns (a cause chain may loop back).
  const done = new WeakSet<object>();
  const redact = (value: unknown, inPlace?: boolean): unknown => {
    if (typeof value === 'string') return text(value);
    if (value instanceof Uint8Array) {
      const decoded = new TextDecoder().decode(value);
      return text(decoded) === decoded ? value : new TextEncoder().encode(text(decoded));
    }
    if (Array.isArray(value)) return value.map((item) => redact(item));
    if (typeof value !== 'object' || value === null) return value;
    if (!inPlace && Object.getPrototypeOf(value) === Object.prototype) {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [text(key), redact(item)]));
    }
    if (!(inPlace || value instanceof Error) || done.has(value)) return value;
    done.add(value);
    for (const key of Reflect.ownKeys(value)) {
      const descriptor = Object.getOwnPropertyDescriptor(value, key) as PropertyDescriptor;
      const data = 'value' in descriptor;
      // V8's `stack` may be an accessor: read it once and keep the redacted text.
      if (!data && key !== 'stack') continue;
      const item: unknown = data ? descriptor.value : (value as { stack?: unknown }).stack;
      const redacted = redact(item, key === 'cause');
      if (redacted !== item) {
        try {
          Object.defineProperty(value, key, data ? { ...descriptor, value: redacted } : { value: redacted, writable: true, configurable: true });
        } catch {
          // A frozen error: nothing of ours can change it.
        }
      }
    }
    return value;
  };
  return redact as Redact;
}
