// A stdio client transport that runs `vps-mcp` itself and keeps every byte the process writes, stdout (the
// protocol) and stderr alike, so a test can look for the token in all of them.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { ReadBuffer, serializeMessage } from '@modelcontextprotocol/sdk/shared/stdio.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { BIN } from './paths.js';

export class RecordingStdioTransport implements Transport {
  readonly stdout: Buffer[] = [];
  readonly stderr: Buffer[] = [];
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;
  private child: ChildProcessWithoutNullStreams | undefined;
  private readonly buffer = new ReadBuffer();
  /** Settles with the exit code once the process has exited. */
  exited: Promise<number | null> = Promise.resolve(null);

  constructor(
    private readonly args: string[],
    private readonly env: Record<string, string>,
  ) {}

  async start(): Promise<void> {
    const child = spawn(process.execPath, [BIN, ...this.args], { env: { PATH: process.env.PATH ?? '', ...this.env } });
    this.child = child;
    this.exited = once(child, 'exit').then(([code]) => code as number | null);
    child.stdout.on('data', (chunk: Buffer) => {
      this.stdout.push(chunk);
      this.buffer.append(chunk);
      for (let message = this.buffer.readMessage(); message; message = this.buffer.readMessage()) this.onmessage?.(message);
    });
    child.stderr.on('data', (chunk: Buffer) => this.stderr.push(chunk));
    child.on('error', (error) => this.onerror?.(error));
    child.on('close', () => this.onclose?.());
    await once(child, 'spawn');
  }

  async send(message: JSONRPCMessage): Promise<void> {
    this.child?.stdin.write(serializeMessage(message));
  }

  /** Closes stdin, which is how a client ends a stdio server, and waits for the process to exit. */
  async close(): Promise<void> {
    this.child?.stdin.end();
    await this.exited;
  }

  get output(): string {
    return Buffer.concat([...this.stdout, ...this.stderr]).toString('utf8');
  }
}
