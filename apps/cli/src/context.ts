// What every command's action gets: the process's streams and the global options, a client, and output.
import type { VpsClient } from '@vps-org/client';
import type { Command } from 'commander';
import { makeClient, type GlobalOptions } from './config.js';
import type { CliIo } from './io.js';
import { humanView, jsonView } from './output/table.js';

/** One run of the CLI: its streams, and the exit code a command asks for without failing. */
export interface Session {
  io: CliIo;
  exitCode: number;
}

export class CommandContext {
  readonly io: CliIo;

  constructor(
    readonly session: Session,
    readonly command: Command,
  ) {
    this.io = session.io;
  }

  set exitCode(code: number) {
    this.session.exitCode = code;
  }

  get options(): GlobalOptions {
    return this.command.optsWithGlobals<GlobalOptions>();
  }

  get json(): boolean {
    return Boolean(this.options.json);
  }

  client(): VpsClient {
    return makeClient(this.options, this.io);
  }

  /** An API answer on stdout: its JSON unchanged with --json, else a table. */
  print(data: unknown): void {
    this.io.stdout.write(this.json ? jsonView(data) : humanView(data));
  }

  /** A line for people on stderr (skipped records, what was applied); kept off stdout so it never mixes with data. */
  notice(line: string): void {
    this.io.stderr.write(`${line}\n`);
  }
}
