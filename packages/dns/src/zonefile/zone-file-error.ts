import { DnsError } from '../errors.js';

/** One line of a zone file that cannot be used, and why. */
export interface ZoneFileProblem {
  file: string;
  line: number;
  reason: string;
}

/**
 * A zone file that cannot be used as a whole: every refused line at once (`file:line: reason`, one a line, then
 * a count), so that one fix-and-rerun is enough.
 */
export class ZoneFileError extends DnsError {
  override name = 'ZoneFileError';
  readonly problems: ZoneFileProblem[];
  constructor(problems: ZoneFileProblem[]) {
    const lines = problems.map((p) => `${p.file}:${p.line}: ${p.reason}`);
    super(problems.length === 1 ? lines[0]! : `${lines.join('\n')}\n${problems.length} lines refused`);
    this.problems = problems;
  }
  get file(): string {
    return this.problems[0]!.file;
  }
  get line(): number {
    return this.problems[0]!.line;
  }
  get reason(): string {
    return this.problems[0]!.reason;
  }
}
