// The SDK's own client, connected to the built `vps-mcp` over stdio or over Streamable HTTP, with every byte the
// server sent (protocol, stdout, stderr) kept for the token checks.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { Client, type ClientOptions } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { BIN } from './paths.js';
import { RecordingStdioTransport } from './recording-stdio.js';

export type TransportKind = 'stdio' | 'http';

export interface Connection {
  client: Client;
  /** Everything the server wrote or answered so far, as text. */
  output(): string;
  close(): Promise<void>;
}

const clientInfo = { name: 'vps-mcp-tests', version: '1.0.0' };

async function connectStdio(args: string[], env: Record<string, string>, options?: ClientOptions): Promise<Connection> {
  const transport = new RecordingStdioTransport(args, env);
  const client = new Client(clientInfo, options);
  await client.connect(transport);
  return { client, output: () => transport.output, close: () => client.close().then(() => transport.exited).then(() => undefined) };
}

/** Starts `vps-mcp --http 0`, reads its URL from the line it prints once it listens, and connects. */
async function connectHttp(args: string[], env: Record<string, string>, options?: ClientOptions): Promise<Connection> {
  const child = spawn(process.execPath, [BIN, '--http', '0', ...args], { env: { PATH: process.env.PATH ?? '', ...env } });
  const chunks: Buffer[] = [];
  child.stdout.on('data', (c: Buffer) => chunks.push(c));
  child.stderr.on('data', (c: Buffer) => chunks.push(c));
  const exited = once(child, 'exit');
  const lines = createInterface({ input: child.stderr });
  let url: string | undefined;
  for await (const line of lines) {
    url = /tools at (http:\/\/\S+)/.exec(line)?.[1];
    if (url) break;
  }
  if (!url) throw new Error(`vps-mcp --http exited before listening:\n${Buffer.concat(chunks).toString()}`);
  const answered: Buffer[] = [];
  // Every answer body is read a second time, as bytes, beside the client's own reading.
  const recordingFetch: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    if (!response.body) return response;
    const [mine, theirs] = response.body.tee();
    void (async () => {
      const reader = theirs.getReader();
      for (let read = await reader.read(); !read.done; read = await reader.read()) answered.push(Buffer.from(read.value));
    })().catch(() => undefined);
    return new Response(mine, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
  const client = new Client(clientInfo, options);
  await client.connect(new StreamableHTTPClientTransport(new URL(url), { fetch: recordingFetch }));
  return {
    client,
    output: () => Buffer.concat([...chunks, ...answered]).toString('utf8'),
    async close() {
      await client.close();
      child.kill('SIGTERM');
      await exited;
    },
  };
}

export function connect(kind: TransportKind, args: string[], env: Record<string, string>, options?: ClientOptions): Promise<Connection> {
  return kind === 'stdio' ? connectStdio(args, env, options) : connectHttp(args, env, options);
}
