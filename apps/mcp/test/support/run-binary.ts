// Runs the built `vps-mcp` to its end (usage, bad options): its exit code and both streams.
import { execFile } from 'node:child_process';
import { BIN } from './paths.js';

export interface BinaryRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function runVpsMcp(args: string[], env: Record<string, string>): Promise<BinaryRun> {
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, [BIN, ...args], { env: { PATH: process.env.PATH ?? '', ...env } }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : NaN) : 0;
      if (Number.isNaN(code)) reject(error);
      else resolve({ code, stdout, stderr });
    });
    child.stdin?.end();
  });
}
