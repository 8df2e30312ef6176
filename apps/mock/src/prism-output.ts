// What Prism prints, kept as lines so that a failure can show the end of it.

// Prism colours its log through chalk; we ask for no colour, and strip any that gets through anyway.
// eslint-disable-next-line no-control-regex -- ESC is exactly what an ANSI colour code starts with
const ANSI = /\x1b\[[0-9;]*[A-Za-z]/g;

// On a fatal start-up error Prism prints yargs' whole usage text before the error itself; these lines would bury it.
const USAGE_HEADERS = new Set([
  'prism mock <document>',
  'Start a mock server with the given document file',
  'prism proxy <document> <upstream>',
  'Start a proxy server with the given document file',
  'Positionals:',
  'Options:',
]);

export function stripAnsi(line: string) {
  return line.replace(ANSI, '');
}

/** Usage text (headers and indented option lines), stack frames and blank lines. */
function isNoise(line: string) {
  return line.trim() === '' || USAGE_HEADERS.has(line.trim()) || /^\s{2,}/.test(line);
}

/** The last lines of Prism's output (stdout and stderr in arrival order), bounded so a long-running mock does not grow. */
export class OutputTail {
  readonly lines: string[] = [];

  constructor(readonly max = 200) {}

  push(line: string) {
    this.lines.push(line);
    if (this.lines.length > this.max) this.lines.splice(0, this.lines.length - this.max);
  }

  includes(pattern: RegExp) {
    return this.lines.some((l) => pattern.test(l));
  }

  /** The last `count` meaningful lines, for an error message. */
  summary(count = 12) {
    return this.lines.filter((l) => !isNoise(l)).slice(-count);
  }
}
