// Every failure of a call becomes a tool result with `isError: true` (never a protocol error), in words an
// assistant can act on, with the API's `detail`, `error_code` and `field`; and never with the token in it.
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { VpsApiError, VpsError } from '@vps-org/client';
import { DnsError } from '@vps-org/dns';

/** A problem with the server's own configuration (no token): a message that names the setting. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** A call refused before it reached the API: arguments, a confirmation. */
export class RefusedCall extends Error {
  override name = 'RefusedCall';
}

/** Hides the token wherever it shows up in text, whole or JSON-escaped. */
export function redact(text: string, secret: string | undefined): string {
  if (!secret) return text;
  const escaped = JSON.stringify(secret).slice(1, -1);
  // Searching is cheap and every result passes here; splitting copies the text.
  if (!text.includes(secret) && !text.includes(escaped)) return text;
  return text.split(secret).join('[redacted]').split(escaped).join('[redacted]');
}

export function textResult(text: string, isError: boolean): CallToolResult {
  return { content: [{ type: 'text', text }], ...(isError && { isError: true }) };
}

function describe(error: unknown): string {
  if (error instanceof VpsApiError) {
    // The facts as fields an assistant can read, after the client's own sentence.
    const facts = { status: error.status, detail: error.detail, error_code: error.errorCode, field: error.field, request_id: error.requestId };
    return `${error.message}\n${JSON.stringify(facts)}`;
  }
  // Errors of the client, the DNS package and this server have messages meant for people (`file:line: reason`).
  if (error instanceof VpsError || error instanceof DnsError || error instanceof ConfigError || error instanceof RefusedCall) return error.message;
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

export function errorResult(error: unknown, secret: string | undefined): CallToolResult {
  return textResult(redact(describe(error), secret), true);
}
