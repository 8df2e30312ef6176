export const REDACTED = '[redacted]';

/** A function that replaces every occurrence of `secret` in a text, for what the server echoes back into errors. */
export function redactor(secret: string): (text: string) => string {
  return (text) => text.replaceAll(secret, REDACTED);
}
