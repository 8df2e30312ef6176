import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ContractFileError } from '../gate/files.js';

/** Parses a command's flags; an unknown flag or a missing value ends the program with a one-line message, exit 2. */
export function args(command: string, options: NonNullable<ParseArgsConfig['options']>): Record<string, string | boolean | undefined> {
  try {
    return parseArgs({ options, strict: true, allowPositionals: false }).values as Record<string, string | boolean | undefined>;
  } catch (error) {
    fail(command, (error as Error).message);
  }
}

export function fail(command: string, message: string): never {
  process.stderr.write(`${command}: ${message}\n`);
  process.exit(2);
}

/** Runs a command's body: an error it expects is one line on stderr (exit 2), never a stack trace. */
export function run(command: string, body: () => Promise<number>): void {
  body().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      if (error instanceof ContractFileError || (error as { code?: string }).code === 'VPS_CONTRACT') fail(command, (error as Error).message);
      throw error;
    },
  );
}
