// Runs the CLI core in this process with captured streams and a fetch of the test's choosing.
import { Readable } from 'node:stream';
import type { CliIo } from '../../src/io.js';
import { runCli } from '../../src/run-cli.js';

export interface InProcessRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  env?: Record<string, string | undefined>;
  fetch?: (request: Request) => Promise<Response>;
  stdinTTY?: boolean;
  stderrTTY?: boolean;
  stdin?: string;
}

export const TOKEN = 'vps_test_secret_token_0123456789';

export async function runInProcess(argv: string[], options: RunOptions = {}): Promise<InProcessRun> {
  let stdout = '';
  let stderr = '';
  const stdin = Object.assign(Readable.from([options.stdin ?? '']), { isTTY: options.stdinTTY ?? false });
  const io: CliIo = {
    env: options.env ?? { VPS_API_TOKEN: TOKEN, VPS_BASE_URL: 'http://127.0.0.1:9' },
    stdout: { write: (t: string) => (stdout += t), isTTY: false },
    stderr: { write: (t: string) => (stderr += t), isTTY: options.stderrTTY ?? false },
    stdin,
    ...(options.fetch && { fetch: options.fetch }),
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

/** A fetch that answers from a table of `METHOD /path/` -> [status, body], and lists what it was asked. */
export function tableFetch(routes: Record<string, [number, unknown?]>) {
  const requests: Array<{ method: string; path: string; auth: string | null; body: string }> = [];
  const fetch = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    requests.push({ method: request.method, path: url.pathname + url.search, auth: request.headers.get('authorization'), body: await request.text() });
    const route = routes[`${request.method} ${url.pathname}${url.search}`] ?? routes[`${request.method} ${url.pathname}`];
    if (!route) return new Response(JSON.stringify({ detail: 'Not found.' }), { status: 404, headers: { 'content-type': 'application/json' } });
    const [status, body] = route;
    return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  };
  return { fetch, requests };
}
