import { extractCurlCommands } from './curl.js';

// What the test suites take from the vendor's reference pages: their JSON examples and their curl requests. The
// pages live outside the repository; `spec/fixtures/seeds.json` holds this extraction of them, and
// `pnpm seeds:check` compares the two when the pages are at hand.

export interface SeedFixture {
  /** The page's file name. */
  file: string;
  /** Top-level JSON blocks and curl `-d` bodies, parsed, in page order. */
  jsonExamples: unknown[];
  /** Each curl command as written, with the line it starts on. */
  curl: Array<{ line: number; source: string }>;
}

/** Top-level JSON blocks of a page: a line that is exactly `{` or `[` up to its closing line; and curl -d bodies. */
export function jsonBlocks(text: string): unknown[] {
  const found: unknown[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = lines[i];
    if (open !== '{' && open !== '[') continue;
    const end = lines.indexOf(open === '{' ? '}' : ']', i);
    if (end < 0) throw new SyntaxError(`line ${i + 1}: ${open} is never closed`);
    found.push(JSON.parse(lines.slice(i, end + 1).join('\n')));
    i = end;
  }
  for (const m of text.matchAll(/-d '([^']+)'/g)) found.push(JSON.parse(m[1]!));
  return found;
}

/** The fixture of one page. */
export function seedFixture(file: string, text: string): SeedFixture {
  return { file, jsonExamples: jsonBlocks(text), curl: extractCurlCommands(text).map(({ line, source }) => ({ line, source })) };
}
