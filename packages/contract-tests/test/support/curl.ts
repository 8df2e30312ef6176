// The curl examples of the seed documents: each command's method, URL, headers and body, as a shell would read them.

export interface CurlCommand {
  /** The command as it appears in the document. */
  source: string;
  /** 1-based line of the document where it starts. */
  line: number;
  method: string;
  url: string;
  headers: Array<[string, string]>;
  body: string | undefined;
}

/**
 * Every `curl` command of a document. A command runs from `curl` to the first line break that is neither escaped
 * with a trailing backslash nor inside quotes (a multi-line `-d '{ ... }'` is one command).
 */
export function extractCurlCommands(text: string): CurlCommand[] {
  const commands: CurlCommand[] = [];
  const starts = [...text.matchAll(/^[ \t]*curl\s/gm)];
  for (const start of starts) {
    const from = start.index ?? 0;
    let quote: string | undefined;
    let end = from;
    for (; end < text.length; end++) {
      const c = text[end]!;
      if (quote) {
        if (c === quote) quote = undefined;
        else if (c === '\\' && quote === '"') end++;
        continue;
      }
      if (c === "'" || c === '"') quote = c;
      else if (c === '\\') end++; // an escaped character, a line continuation included
      else if (c === '\n') break;
    }
    if (quote) throw new Error(`unterminated ${quote} in the curl command at offset ${from}`);
    const source = text.slice(from, end).trim();
    commands.push({ source, line: text.slice(0, from).split('\n').length, ...interpret(tokenize(source)) });
  }
  return commands;
}

/** POSIX-shell words: single quotes literal, double quotes with backslash escapes, backslash-newline removed. */
export function tokenize(source: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      const next = source[++i];
      if (next !== '\n' && next !== undefined) word = (word ?? '') + next;
    } else if (c === "'") {
      const close = source.indexOf("'", i + 1);
      word = (word ?? '') + source.slice(i + 1, close);
      i = close;
    } else if (c === '"') {
      let text = '';
      for (i++; source[i] !== '"'; i++) {
        if (source[i] === '\\' && /["\\$`\n]/.test(source[i + 1] ?? '')) i++;
        text += source[i];
      }
      word = (word ?? '') + text;
    } else if (/\s/.test(c)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else {
      word = (word ?? '') + c;
    }
  }
  if (word !== undefined) words.push(word);
  return words;
}

function interpret(words: string[]): Omit<CurlCommand, 'source' | 'line'> {
  if (words[0] !== 'curl') throw new Error(`not a curl command: ${words.join(' ')}`);
  let method: string | undefined;
  let url: string | undefined;
  let body: string | undefined;
  const headers: Array<[string, string]> = [];
  for (let i = 1; i < words.length; i++) {
    const word = words[i]!;
    const value = () => {
      const v = words[++i];
      if (v === undefined) throw new Error(`${word} without a value in: ${words.join(' ')}`);
      return v;
    };
    if (word === '-X' || word === '--request') method = value();
    else if (word === '-H' || word === '--header') {
      const header = value();
      const colon = header.indexOf(':');
      headers.push([header.slice(0, colon).trim(), header.slice(colon + 1).trim()]);
    } else if (word === '-d' || word === '--data' || word === '--data-raw') body = value();
    else if (word.startsWith('-')) throw new Error(`curl option ${word} is not understood by this parser`);
    else if (url === undefined) url = word;
    else throw new Error(`a second URL ${word} in: ${words.join(' ')}`);
  }
  if (!url) throw new Error(`no URL in: ${words.join(' ')}`);
  return { method: method ?? (body === undefined ? 'GET' : 'POST'), url, headers, body };
}
