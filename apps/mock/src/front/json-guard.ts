// Checks a request body before Prism sees it: Prism never answers a malformed JSON body, and deep nesting makes
// it fail; both get the API's 400 here instead.

// Far deeper than any body of this API (records nest one level); deep enough for any sane client.
export const MAX_DEPTH = 32;

/**
 * Whether the JSON text nests arrays and objects deeper than `limit`, in one pass and without parsing (a parser
 * that recursed would be what such a body attacks).
 */
export function nestsDeeperThan(text: string, limit: number = MAX_DEPTH) {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

/** A JSON request body read once: its value, or what is wrong with it as the API's error body. */
export function parseJsonBody(text: string): { problem: { detail: string; error_code: string; field: null } } | { value: unknown } {
  if (nestsDeeperThan(text)) {
    return { problem: { detail: `JSON parse error - nesting deeper than ${MAX_DEPTH} levels`, error_code: 'parse_error', field: null } };
  }
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    return { problem: { detail: `JSON parse error - ${(error as Error).message}`, error_code: 'parse_error', field: null } };
  }
}
