// The one line on stderr a failure becomes, and the exit code that goes with it.
import { AuthenticationError, VpsError } from '@vps-org/client';
import { DnsError } from '@vps-org/dns';

export const EXIT = { ok: 0, error: 1, usage: 2, changes: 2 } as const;

/** A failure the CLI itself reports: its message is the line shown, `exitCode` what the process ends with. */
export class CliError extends Error {
  override name = 'CliError';
  constructor(
    message: string,
    readonly exitCode: number = EXIT.error,
  ) {
    super(message);
  }
}

/** A command line that does not make sense: exit 2, with the command's usage line. */
export class UsageError extends CliError {
  override name = 'UsageError';
  constructor(message: string) {
    super(message, EXIT.usage);
  }
}

/** The line shown for any error, without a stack. */
export function describeError(error: unknown): string {
  if (error instanceof AuthenticationError) {
    return `the API refused the token (${error.message}); check VPS_API_TOKEN or --token`;
  }
  // Every error of the client (API answers, transport, bad ids, waiters) has a message meant for people.
  if (error instanceof VpsError) return error.message;
  if (error instanceof CliError || error instanceof DnsError) return error.message;
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

/** Hides a secret wherever it shows up in text bound for the terminal. */
export function redact(text: string, secret: string | undefined): string {
  return secret ? text.split(secret).join('[redacted]') : text;
}
