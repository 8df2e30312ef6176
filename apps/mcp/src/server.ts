// One MCP server session: lists the toolset, checks each call's arguments against its input schema, has destructive
// calls confirmed, runs the tool through the client and turns every failure into an `isError` result.
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import {
  CallToolRequestSchema,
  ListToolsRequestSchema,
  type CallToolResult,
  type ServerNotification,
  type ServerRequest,
} from '@modelcontextprotocol/sdk/types.js';
import type { RequestHandlerExtra } from '@modelcontextprotocol/sdk/shared/protocol.js';
import type { VpsClient } from '@vps-org/client';
import type { JsonObject } from '@vps-org/openapi';
import { callKey, CONFIRMATION_TOKEN, Confirmations } from './confirmations.js';
import { errorResult, redact, RefusedCall, textResult } from './errors.js';
import type { ToolContext, VpsTool } from './tools/tool.js';
import { ArgumentsValidator } from './validate.js';

export const SERVER_NAME = 'vps-mcp';

export interface SessionOptions {
  tools: VpsTool[];
  /** The client every call uses; throws a ConfigError when there is no token. */
  client: () => VpsClient;
  /** The token, to scrub from anything a result says. */
  secret: string | undefined;
  /** Destructive calls are confirmed by the person. */
  confirm: boolean;
  version: string;
  /** Shared by the sessions of one process, so a schema is compiled once. */
  validator?: ArgumentsValidator;
}

type Extra = RequestHandlerExtra<ServerRequest, ServerNotification>;

export function createSession(options: SessionOptions): Server {
  const server = new Server({ name: SERVER_NAME, version: options.version }, { capabilities: { tools: {} } });
  const byName = new Map(options.tools.map((t) => [t.name, t]));
  const validator = options.validator ?? new ArgumentsValidator();
  const confirmations = new Confirmations();

  server.setRequestHandler(ListToolsRequestSchema, () => ({
    tools: options.tools.map((t) => ({
      name: t.name,
      title: t.title,
      description: t.description,
      inputSchema: t.inputSchema as { type: 'object' },
      ...(t.outputSchema && { outputSchema: t.outputSchema as { type: 'object' } }),
      annotations: t.annotations,
    })),
  }));

  /** Undefined when the call may go ahead; else the result that says why it does not (yet). */
  async function confirmation(tool: VpsTool, args: JsonObject): Promise<CallToolResult | undefined> {
    const what = tool.describeCall(args);
    if (server.getClientCapabilities()?.elicitation) {
      const answer = await server.elicitInput({
        message: `Allow ${tool.name}: ${what}? This cannot be undone.`,
        requestedSchema: {
          type: 'object',
          properties: { confirm: { type: 'boolean', title: 'Go ahead', description: what } },
          required: ['confirm'],
        },
      });
      if (answer.action === 'accept' && answer.content?.confirm === true) return undefined;
      return textResult(`Not done: the person did not confirm ${tool.name} (${what}). Nothing was changed.`, true);
    }
    const key = callKey(tool.name, args);
    const token = args[CONFIRMATION_TOKEN];
    if (typeof token === 'string') {
      if (confirmations.take(token, key)) return undefined;
      return textResult(
        `Not done: that ${CONFIRMATION_TOKEN} is not valid for this call (unknown, used, expired, or issued for other ` +
          `arguments). Call ${tool.name} without it to get a new one. Nothing was changed.`,
        true,
      );
    }
    return textResult(
      `Not done yet: ${tool.name} would ${what}. Ask the person to confirm; if they agree, call ${tool.name} again ` +
        `with the same arguments and "${CONFIRMATION_TOKEN}": "${confirmations.issue(key)}" (valid once, for 10 minutes).`,
      true,
    );
  }

  function context(extra: Extra): ToolContext {
    const progressToken = extra._meta?.progressToken;
    return {
      client: options.client,
      signal: extra.signal,
      async progress(progress, message, total) {
        if (progressToken === undefined) return;
        await extra.sendNotification({
          method: 'notifications/progress',
          params: { progressToken, progress, message, ...(total !== undefined && { total }) },
        });
      },
    };
  }

  server.setRequestHandler(CallToolRequestSchema, async (request, extra): Promise<CallToolResult> => {
    const tool = byName.get(request.params.name);
    if (!tool) return textResult(`No tool named ${request.params.name}; tools/list names the ones this server offers.`, true);
    const args = (request.params.arguments ?? {}) as JsonObject;
    try {
      const problems = await validator.check(tool.name, tool.inputSchema, args);
      if (problems.length) throw new RefusedCall(`Invalid arguments for ${tool.name}: ${problems.join('; ')}. Nothing was sent.`);
      tool.precheck?.(args);
      if (tool.destructive && options.confirm) {
        const refused = await confirmation(tool, args);
        if (refused) return refused;
      }
      const { [CONFIRMATION_TOKEN]: _token, ...callArgs } = args;
      const outcome = await tool.run(callArgs, context(extra));
      // Only what the API answered reaches here, but the token stays out of results whatever the API echoes.
      const json = outcome.structured && JSON.stringify(outcome.structured);
      const clean = json && redact(json, options.secret);
      const structured = clean === json ? outcome.structured : (JSON.parse(clean!) as JsonObject);
      const text = redact(outcome.summary, options.secret) + (clean ? `\n${clean}` : '');
      return { ...textResult(text, outcome.isError ?? false), ...(structured && { structuredContent: structured }) };
    } catch (error) {
      return errorResult(error, options.secret);
    }
  });

  return server;
}
