// cURL sample: the token comes from $VPS_API_TOKEN (never pasted into a shell history), the body is the JSON
// example in single quotes, so nothing in it is expanded by the shell.

export const lang = 'curl';
export const label = 'cURL';

/** @param {import('./model.js').SampleRequest} req */
export function render(req) {
  const lines = [`curl -X ${req.method} "${req.url}"`, `-H "Authorization: Bearer $VPS_API_TOKEN"`];
  if (req.hasBody) {
    lines.push(`-H "Content-Type: application/json"`);
    lines.push(`-d ${shellQuote(JSON.stringify(req.body, null, 2))}`);
  }
  return lines.join(' \\\n  ');
}

/**
 * POSIX single quoting: a ' inside becomes '\'' (close, escaped quote, reopen).
 * @param {string} text
 */
export function shellQuote(text) {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}
