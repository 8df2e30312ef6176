export const REDACTED = '[redacted]';

/**
 * Replaces every occurrence of `secret` in what the server echoes back: in a text, or in every string of a parsed
 * JSON value. Parsed values are redacted after decoding, so an escaped echo (`vps\u005f...`, `\/`) is caught too.
 */
export function redactor(secret: string): <T>(value: T) => T {
  const redact = (value: unknown): unknown => {
    if (typeof value === 'string') return value.replaceAll(secret, REDACTED);
    if (Array.isArray(value)) return value.map(redact);
    if (typeof value === 'object' && value !== null) {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [redact(key), redact(item)]));
    }
    return value;
  };
  return redact as <T>(value: T) => T;
}
