// Splits a zone file into entries (one record or directive each) the way BIND reads it: `;` starts a comment,
// parentheses continue an entry across lines, quoted strings keep spaces and take `\"`, `\\` and `\DDD` escapes.
// `\DDD` is one byte, as BIND reads it: a token is a run of bytes, decoded as UTF-8 (`"\195\133LAND"` is `ÅLAND`).
import { ZoneFileError } from './zone-file-error.js';

export interface Token {
  /** The token with its escapes decoded. */
  text: string;
  quoted: boolean;
  /** True when an unquoted token had escapes (`\;`): fine in text, refused in a name. */
  escaped?: boolean;
  /** True when its bytes are not UTF-8 (`\200` alone): text the API, which takes JSON strings, cannot hold. */
  notUtf8?: boolean;
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
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Collects a token: characters as they are, `\\DDD` as the byte it names (decoded as UTF-8 at the end). */
class Bytes {
  private chunks: Array<string | number> = [];
  private raw = false;
  char(c: string): void {
    this.chunks.push(c);
  }
  byte(n: number): void {
    this.chunks.push(n);
    this.raw = true;
  }
  decode(): { text: string; notUtf8?: boolean } {
    if (!this.raw) return { text: this.chunks.join('') };
    const bytes = Buffer.concat(this.chunks.map((c) => (typeof c === 'number' ? Buffer.of(c) : Buffer.from(c, 'utf8'))));
    try {
      return { text: UTF8.decode(bytes) };
    } catch {
      return { text: new TextDecoder().decode(bytes), notUtf8: true };
    }
  }
}

const DELIMITERS = new Set([' ', '\t', '\r', '\n', ';', '(', ')', '"']);

export function tokenize(text: string, file: string): Entry[] {
  const entries: Entry[] = [];
  let line = 1;
  let depth = 0;
  let openedOn = 0;
  let entry: Entry | undefined;
  let atLineStart = true;
  const fail = (reason: string, at = line): never => {
    throw new ZoneFileError([{ file, line: at, reason }]);
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
      const value = new Bytes();
      i++;
      for (;;) {
        if (i >= text.length || text[i] === '\n') fail('unterminated quoted string', start);
        const d = text[i]!;
        if (d === '"') break;
        if (d === '\\') {
          const digits = /^\d{3}/.exec(text.slice(i + 1, i + 4));
          if (digits) {
            if (Number(digits[0]) > 255) fail(`\\${digits[0]} is not a byte (000 to 255)`);
            value.byte(Number(digits[0]));
            i += 4;
          } else {
            if (i + 1 >= text.length) fail('unterminated quoted string', start);
            value.char(text[i + 1]!);
            i += 2;
          }
          continue;
        }
        // A run of plain characters at once.
        let end = i + 1;
        while (end < text.length && text[end] !== '"' && text[end] !== '\\' && text[end] !== '\n') end++;
        value.char(text.slice(i, end));
        i = end;
      }
      i++;
      push({ ...value.decode(), quoted: true, line: start });
    } else {
      const value = new Bytes();
      let escaped = false;
      while (i < text.length && !DELIMITERS.has(text[i]!)) {
        // An escaped character (`\;`, `\ `, `\065`) belongs to the token, as that character (or byte).
        if (text[i] === '\\' && i + 1 < text.length && text[i + 1] !== '\n') {
          const digits = /^\d{3}/.exec(text.slice(i + 1, i + 4));
          if (digits && Number(digits[0]) > 255) fail(`\\${digits[0]} is not a byte (000 to 255)`);
          if (digits) value.byte(Number(digits[0]));
          else value.char(text[i + 1]!);
          i += digits ? 4 : 2;
          escaped = true;
        } else {
          let end = i + 1;
          while (end < text.length && !DELIMITERS.has(text[end]!) && text[end] !== '\\') end++;
          value.char(text.slice(i, end));
          i = end;
        }
      }
      push({ ...value.decode(), quoted: false, line, ...(escaped && { escaped }) });
    }
  }
  if (depth > 0) fail(`"(" opened on line ${openedOn} is never closed`, openedOn);
  endEntry();
  return entries;
}
