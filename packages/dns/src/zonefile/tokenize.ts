// Splits a zone file into entries (one record or directive each) the way BIND reads it: `;` starts a comment,
// parentheses continue an entry across lines, quoted strings keep spaces and take `\"`, `\\` and `\DDD` escapes.
import { ZoneFileError } from './zone-file-error.js';

export interface Token {
  /** The token with its escapes decoded. */
  text: string;
  quoted: boolean;
  /** True when an unquoted token had escapes (`\;`): fine in text, refused in a name. */
  escaped?: boolean;
  line: number;
}

export interface Entry {
  /** The line the entry starts on. */
  line: number;
  /** True when the line starts with a blank: the owner is the previous entry's. */
  ownerOmitted: boolean;
  tokens: Token[];
}

const BLANK = new Set([' ', '\t', '\r']);
const DELIMITERS = new Set([' ', '\t', '\r', '\n', ';', '(', ')', '"']);

export function tokenize(text: string, file: string): Entry[] {
  const entries: Entry[] = [];
  let line = 1;
  let depth = 0;
  let openedOn = 0;
  let entry: Entry | undefined;
  let atLineStart = true;
  const fail = (reason: string, at = line): never => {
    throw new ZoneFileError(file, at, reason);
  };
  const push = (token: Token): void => {
    entry ??= { line: token.line, ownerOmitted: false, tokens: [] };
    entry.tokens.push(token);
  };
  const endEntry = (): void => {
    if (entry?.tokens.length) entries.push(entry);
    entry = undefined;
  };

  for (let i = 0; i < text.length; ) {
    const c = text[i]!;
    if (atLineStart && depth === 0) {
      endEntry();
      entry = { line, ownerOmitted: BLANK.has(c), tokens: [] };
      atLineStart = false;
    }
    if (c === '\n') {
      line++;
      atLineStart = true;
      i++;
    } else if (BLANK.has(c)) {
      i++;
    } else if (c === ';') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '(') {
      if (depth === 0) openedOn = line;
      depth++;
      i++;
    } else if (c === ')') {
      if (depth === 0) fail('")" without an opening "("');
      depth--;
      i++;
    } else if (c === '"') {
      const start = line;
      let value = '';
      i++;
      for (;;) {
        if (i >= text.length || text[i] === '\n') fail('unterminated quoted string', start);
        const d = text[i]!;
        if (d === '"') break;
        if (d === '\\') {
          const digits = /^\d{3}/.exec(text.slice(i + 1, i + 4));
          if (digits) {
            value += String.fromCharCode(Number(digits[0]));
            i += 4;
          } else {
            if (i + 1 >= text.length) fail('unterminated quoted string', start);
            value += text[i + 1];
            i += 2;
          }
          continue;
        }
        value += d;
        i++;
      }
      i++;
      push({ text: value, quoted: true, line: start });
    } else {
      let value = '';
      let escaped = false;
      while (i < text.length && !DELIMITERS.has(text[i]!)) {
        // An escaped character (`\;`, `\ `, `\065`) belongs to the token, as that character.
        if (text[i] === '\\' && i + 1 < text.length && text[i + 1] !== '\n') {
          const digits = /^\d{3}/.exec(text.slice(i + 1, i + 4));
          value += digits ? String.fromCharCode(Number(digits[0])) : text[i + 1];
          i += digits ? 4 : 2;
          escaped = true;
        } else {
          value += text[i];
          i++;
        }
      }
      push({ text: value, quoted: false, line, ...(escaped && { escaped }) });
    }
  }
  if (depth > 0) fail(`"(" opened on line ${openedOn} is never closed`, openedOn);
  endEntry();
  return entries;
}
