// What one `vps-mcp` process holds: the toolset its options select, one client, and a session per connection.
import { readFileSync } from 'node:fs';
import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { createVpsClient, VpsConfigError, type FetchFn, type VpsClient } from '@vps-org/client';
import { ConfigError } from './errors.js';
import { createSession } from './server.js';
import { createToolset, type ToolsetOptions } from './toolset.js';
import type { VpsTool } from './tools/tool.js';
import { ArgumentsValidator } from './validate.js';

export const VERSION = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

export interface AppOptions extends ToolsetOptions {
  token?: string | undefined;
  baseUrl?: string | undefined;
  /** The fetch the client sends with (tests, benchmarks); the global one by default. */
  fetch?: FetchFn;
}

export interface App {
  tools: VpsTool[];
  /** A new MCP server for one connection (stdio has one; Streamable HTTP one per session). */
  newSession(): Server;
}

export function createApp(options: AppOptions): App {
  const tools = createToolset(options);
  let vps: VpsClient | undefined;
  const client = (): VpsClient => {
    if (vps) return vps;
    if (!options.token) {
      throw new ConfigError('no API token: set VPS_API_TOKEN in the environment vps-mcp runs in (tokens come from https://admin.vps.org/account/developers/)');
    }
    try {
      vps = createVpsClient({
        token: options.token,
        ...(options.baseUrl && { baseUrl: options.baseUrl }),
        ...(options.fetch && { fetch: options.fetch }),
        userAgent: 'vps-mcp',
      });
    } catch (error) {
      // The client's messages name the option, never its value.
      if (error instanceof VpsConfigError) throw new ConfigError(`VPS_BASE_URL or VPS_API_TOKEN: ${error.message}`);
      throw error;
    }
    return vps;
  };
  const validator = new ArgumentsValidator();
  return {
    tools,
    newSession: () =>
      createSession({ tools, client, secret: options.token, confirm: options.confirm !== false, version: VERSION, validator }),
  };
}
