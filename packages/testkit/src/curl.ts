// Reads curl commands back into requests, the way a POSIX shell and curl would: the documentation's cURL samples
// are replayed against the mock with it, and so are the curl requests of the vendor's pages.
import { shellWords, ShellSyntaxError } from './shell.js';

export interface CurlRequest {
  method: string;
  url: string;
  /** Headers in the order given (a name may repeat). */
  headers: Array<[string, string]>;
  body: string | undefined;
}

export interface CurlCommand extends CurlRequest {
  /** The command as it stands in the document. */
  source: string;
  /** 1-based line of the document where it starts. */
  line: number;
}

/** Options that change what curl prints, not the request it makes. */
const OUTPUT_ONLY = new Set(['-i', '--include', '-s', '--silent', '-S', '--show-error']);

/**
 * The request a `curl` command makes. Options other than -X, -H and -d (and their long forms) throw, but for those
 * that only change what curl prints (-i, -s).
 */
export function parseCurl(command: string, env: Record<string, string | undefined> = {}): CurlRequest {
  const [program, ...args] = shellWords(command, env);
  if (program !== 'curl') throw new ShellSyntaxError(`Not a curl command: ${command}`);
  let method: string | undefined;
  let url: string | undefined;
  let body: string | undefined;
  const headers: Array<[string, string]> = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const value = (): string => {
      const v = args[++i];
      if (v === undefined) throw new ShellSyntaxError(`${arg} needs a value in: ${command}`);
      return v;
    };
    if (arg === '-X' || arg === '--request') method = value();
    else if (arg === '-H' || arg === '--header') {
      const header = value();
      const colon = header.indexOf(':');
      if (colon < 1) throw new ShellSyntaxError(`Malformed header: ${header}`);
      headers.push([header.slice(0, colon).trim(), header.slice(colon + 1).trim()]);
    } else if (arg === '-d' || arg === '--data' || arg === '--data-raw') {
      if (body !== undefined) throw new ShellSyntaxError(`More than one -d in: ${command}`);
      body = value();
    } else if (OUTPUT_ONLY.has(arg)) continue;
    else if (arg.startsWith('-')) throw new ShellSyntaxError(`Unsupported curl option ${arg}`);
    else if (url === undefined) url = arg;
    else throw new ShellSyntaxError(`A second URL ${arg} in: ${command}`);
  }
  if (!url) throw new ShellSyntaxError(`No URL in: ${command}`);
  // curl's defaults: POST when there is data, GET otherwise.
  return { method: method ?? (body === undefined ? 'GET' : 'POST'), url, headers, body };
}

/**
 * Every `curl` command of a document. A command runs from `curl` to the first line break that is neither escaped
 * with a trailing backslash nor inside quotes (a multi-line `-d '{ ... }'` is one command).
 */
export function extractCurlCommands(text: string): CurlCommand[] {
  const commands: CurlCommand[] = [];
  for (const start of text.matchAll(/^[ \t]*curl\s/gm)) {
    const from = start.index;
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
    if (quote) throw new ShellSyntaxError(`Unterminated ${quote} in the curl command at line ${text.slice(0, from).split('\n').length}`);
    const source = text.slice(from, end).trim();
    commands.push({ source, line: text.slice(0, from).split('\n').length, ...parseCurl(source) });
  }
  return commands;
}
