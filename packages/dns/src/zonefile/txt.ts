// TXT data is one or more strings of at most 255 bytes each. The API holds one text, which its nameservers split
// into 255-byte strings (inferred from the spec's TXT description); so strings that are exactly such a split are
// joined into one text, and any other set of strings (DNS-SD's `"txtvers=1" "rp=printers/lp"`) is kept in the
// value as the zone file writes it, quoted strings separated by a space, and exported back the same way.

export const MAX_STRING_BYTES = 255;

const bytes = (text: string): number => Buffer.byteLength(text, 'utf8');

/** The text cut into strings of at most 255 bytes, never inside a character. */
export function splitText(text: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (const char of text) {
    if (bytes(current) + bytes(char) > MAX_STRING_BYTES) {
      parts.push(current);
      current = '';
    }
    current += char;
  }
  parts.push(current);
  return parts;
}

/** One string in zone-file form: quoted, `"` and `\` escaped, control characters as `\DDD`. */
export function quoteString(text: string): string {
  const escaped = text.replace(/["\\]/g, '\\$&').replace(/\p{Cc}/gu, (c) => `\\${String(c.charCodeAt(0)).padStart(3, '0')}`);
  return `"${escaped}"`;
}

const STRINGS = /^"(?:[^"\\]|\\.)*"(?:\s+"(?:[^"\\]|\\.)*")+$/s;

/** The API value a TXT record's strings become. */
export function txtValue(strings: string[]): string {
  if (strings.length === 1) return strings[0]!;
  const joined = strings.join('');
  const split = splitText(joined);
  if (split.length === strings.length && split.every((s, i) => s === strings[i])) return joined;
  return strings.map(quoteString).join(' ');
}

/** True when a value holds several strings in zone-file form (as `txtValue` keeps them). */
export function isStringList(value: string): boolean {
  return STRINGS.test(value);
}

/** A TXT value as zone-file data: kept strings as they are, one text as its 255-byte split. */
export function txtData(value: string): string {
  return isStringList(value) ? value : splitText(value).map(quoteString).join(' ');
}
