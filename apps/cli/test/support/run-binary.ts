// Runs the built `vps` binary as a child process, the way people and scripts run it.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../dist/bin/vps.js', import.meta.url));

export interface BinaryRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** `vps args...` (or, with `command`, that program with these arguments) with only `env` and PATH. */
export function runVps(args: string[], env: Record<string, string>, input?: string, cwd?: string, command?: string): Promise<BinaryRun> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      command ?? process.execPath,
      command ? args : [BIN, ...args],
      { env: { PATH: process.env.PATH ?? '', ...env }, maxBuffer: 64 * 1024 * 1024, ...(cwd && { cwd }) },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : NaN) : 0;
        if (Number.isNaN(code)) reject(error);
        else resolve({ code, stdout, stderr });
      },
    );
    // Piped stdin is not a terminal: exactly what a script or CI gives the CLI.
    child.stdin?.end(input ?? '');
  });
}
