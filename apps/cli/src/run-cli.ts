// The whole CLI as one function of its arguments and streams: the `vps` binary calls it, and so do tests.
import { createRequire } from 'node:module';
import { Command, CommanderError } from 'commander';
import { registerDnsCommands } from './commands/dns.js';
import type { Session } from './context.js';
import { describeError, EXIT, redact, UsageError } from './errors.js';
import type { CliIo } from './io.js';
import { registerOperations } from './operations/register-operations.js';

const { version } = createRequire(import.meta.url)('../package.json') as { version: string };

// Commander's codes for help asked for and the version: not failures.
const NOT_ERRORS = new Set(['commander.helpDisplayed', 'commander.version']);

function usageLine(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c; c = c.parent) names.unshift(c.name());
  return `Usage: ${names.join(' ')} ${cmd.usage()}`;
}

function everyCommand(cmd: Command): Command[] {
  return [cmd, ...cmd.commands.flatMap(everyCommand)];
}

export function buildProgram(session: Session): Command {
  const { io } = session;
  const program = new Command('vps')
    .description('The VPS.org API on the command line, and DNS as code.')
    .version(version)
    .option('--token <token>', 'API token (default: $VPS_API_TOKEN)')
    .option('--base-url <url>', 'API origin (default: $VPS_BASE_URL, else https://admin.vps.org)')
    .option('--json', "print the API's JSON instead of tables; no progress")
    .option('--debug', 'log each request on stderr, and show stacks with errors')
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    });
  registerOperations(program, session);
  registerDnsCommands(program, session);
  for (const cmd of everyCommand(program)) {
    // A command with subcommands and no action shows its help and fails, as a usage error.
    cmd.exitOverride().configureOutput(program.configureOutput());
    cmd.showHelpAfterError(usageLine(cmd));
  }
  return program;
}

/** Runs `vps <argv...>` and resolves to the exit code; never throws. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  // With --detailed-exitcode, 2 means "there are changes" and nothing else: every error, usage errors included, is 1.
  const usageExit = argv.includes('--detailed-exitcode') ? EXIT.error : EXIT.usage;
  const session: Session = { io, exitCode: EXIT.ok };
  const program = buildProgram(session);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return session.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return NOT_ERRORS.has(error.code) ? EXIT.ok : usageExit;
    const options = program.opts<{ token?: string; debug?: boolean }>();
    const secret = options.token ?? io.env.VPS_API_TOKEN;
    let text = `error: ${describeError(error)}`;
    if (options.debug && error instanceof Error && error.stack) text += `\n${error.stack}`;
    if (error instanceof UsageError) {
      const command = findCommand(program, argv);
      text += `\n${usageLine(command)}`;
    }
    io.stderr.write(`${redact(text, secret)}\n`);
    return error instanceof UsageError ? usageExit : EXIT.error;
  }
}

/** The deepest command the arguments name, for a usage line. */
function findCommand(program: Command, argv: string[]): Command {
  let cmd = program;
  for (const arg of argv) {
    const next = cmd.commands.find((c) => c.name() === arg);
    if (next) cmd = next;
  }
  return cmd;
}
