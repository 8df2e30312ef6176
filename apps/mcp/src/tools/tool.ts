// What every tool of the server is, whether generated from an operation or written here (wait, DNS as code).
import type { ToolAnnotations } from '@modelcontextprotocol/sdk/types.js';
import type { VpsClient } from '@vps-org/client';
import type { JsonObject } from '@vps-org/openapi';

/** What a call gets besides its arguments. */
export interface ToolContext {
  /** The client, made from the configuration; throws a ConfigError when it has no token. */
  client(): VpsClient;
  /** Fires when the caller cancels the request. */
  signal: AbortSignal;
  /** A progress notification, when the caller asked for them (a progress token); else nothing. */
  progress(progress: number, message: string, total?: number): Promise<void>;
}

/** A successful call: the structured result (when the tool has an output schema) and a line for people. */
export interface ToolOutcome {
  structured?: JsonObject;
  summary: string;
  /** The call ran but did not all succeed (an apply the API stopped part way): the result still carries its report. */
  isError?: boolean;
}

export interface VpsTool {
  name: string;
  /** What `--tools` selects it by: the CLI's group of its operation (`servers`, `dns-zones`), or `dns` for DNS as code. */
  group: string;
  title: string;
  description: string;
  inputSchema: JsonObject;
  outputSchema: JsonObject | undefined;
  annotations: ToolAnnotations;
  /** A call is confirmed by the person first (unless `--no-confirm`). */
  destructive: boolean;
  /** Throws a RefusedCall when the call cannot go ahead whatever the person says (before asking them). */
  precheck?(args: JsonObject): void;
  /** What a call with these arguments would do, in a sentence, for the confirmation. */
  describeCall(args: JsonObject): string;
  run(args: JsonObject, ctx: ToolContext): Promise<ToolOutcome>;
}
