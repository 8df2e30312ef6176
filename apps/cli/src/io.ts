// Everything the CLI touches outside itself, so the same code runs as the `vps` binary and inside tests.

export interface OutputStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface CliIo {
  env: Record<string, string | undefined>;
  stdout: OutputStream;
  stderr: OutputStream;
  /** Where a confirmation is read from; `isTTY` says whether anyone is there to ask. */
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  /** The fetch the API client sends with (a test double, a bench's instrumented one). Default: the global fetch. */
  fetch?: (request: Request, init?: RequestInit) => Promise<Response>;
}

export function processIo(): CliIo {
  return { env: process.env, stdout: process.stdout, stderr: process.stderr, stdin: process.stdin };
}
