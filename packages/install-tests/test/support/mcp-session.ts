// The MCP SDK's own client (Client + StdioClientTransport) starting an installed `vps-mcp` as an assistant would, with
// every byte the server writes kept for the token checks: stderr through the transport's pipe, stdout (the protocol,
// which the transport consumes) through a `tee` into a file beside the project.
import { readFileSync } from 'node:fs';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { eventually } from '@vps-org/testkit';
import { processesWithEnv, type ProcessInfo } from '@vps-org/testkit/processes';

/** The variable every process of one session carries, so the test can find them and see them gone. */
const SESSION_MARKER = 'VPS_MCP_INSTALL_SESSION';

export interface McpSession {
  client: Client;
  /** The processes of this session still running (the shell, npx, the server, tee). */
  processes(): ProcessInfo[];
  /** Every byte the server wrote so far on stdout and stderr, as text. */
  output(): string;
  /** Closes the client (which ends the server's stdin) and resolves once every process of the session has ended. */
  close(): Promise<void>;
}

export interface McpCommand {
  /** The folder it runs in: the project where `@vps-org/mcp` is installed. */
  cwd: string;
  command: string;
  args: string[];
  env: Record<string, string>;
  /** Where the copy of stdout goes. */
  stdoutFile: string;
}

let sessions = 0;

export async function startMcp({ cwd, command, args, env, stdoutFile }: McpCommand): Promise<McpSession> {
  const marker = `${process.pid}-${++sessions}`;
  const transport = new StdioClientTransport({
    // `sh -c '"$@" | tee "$0"' FILE COMMAND ARGS...`: the command keeps the transport's stdin; tee copies its stdout.
    command: 'sh',
    args: ['-c', '"$@" | tee "$0"', stdoutFile, command, ...args],
    // The transport adds HOME, PATH and the like to this, as it does for every server it starts.
    env: { ...env, [SESSION_MARKER]: marker },
    cwd,
    stderr: 'pipe',
  });
  const stderr: Buffer[] = [];
  transport.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk));
  const client = new Client({ name: 'vps-install-tests', version: '1.0.0' });
  await client.connect(transport);
  const processes = () => processesWithEnv(SESSION_MARKER, marker);
  return {
    client,
    processes,
    output: () => `${readFileSync(stdoutFile, 'utf8')}${Buffer.concat(stderr).toString('utf8')}`,
    async close() {
      await client.close();
      await eventually('every process of the MCP session has ended', () => processes().length === 0);
    },
  };
}
