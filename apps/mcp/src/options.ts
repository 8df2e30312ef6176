// The command line and environment of `vps-mcp`: the same `VPS_API_TOKEN` and `VPS_BASE_URL` as the CLI.
import { parseArgs } from 'node:util';

export const USAGE = `Usage: vps-mcp [options]

The VPS.org API as Model Context Protocol tools, on stdio (the default) or Streamable HTTP.

Options:
  --http <port>    serve Streamable HTTP at http://127.0.0.1:<port>/mcp instead of stdio (0: any free port)
  --read-only      offer only the tools that change nothing
  --tools <groups> offer only these groups, comma-separated: servers, dns-zones, dns-records, dns
  --no-confirm     run destructive calls (deletes, stop, reboot) without asking the person first
  -h, --help       show this help
  -v, --version    show the version

Environment:
  VPS_API_TOKEN    the API token (required to call the API; listing the tools works without it)
  VPS_BASE_URL     the API's address (default: the production API)
`;

export interface McpOptions {
  http: number | undefined;
  readOnly: boolean;
  groups: string[] | undefined;
  confirm: boolean;
  help: boolean;
  version: boolean;
  token: string | undefined;
  baseUrl: string | undefined;
}

export class UsageError extends Error {
  override name = 'UsageError';
}

export function parseOptions(argv: string[], env: NodeJS.ProcessEnv): McpOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        http: { type: 'string' },
        'read-only': { type: 'boolean', default: false },
        tools: { type: 'string' },
        'no-confirm': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  let http: number | undefined;
  if (values.http !== undefined) {
    http = Number(values.http);
    if (!/^\d+$/.test(values.http) || http > 65535) throw new UsageError(`--http: "${values.http}" is not a port (0 to 65535)`);
  }
  const groups = values.tools?.split(',').map((g) => g.trim()).filter(Boolean);
  if (groups && !groups.length) throw new UsageError('--tools: name at least one group');
  return {
    http,
    readOnly: values['read-only'],
    groups,
    confirm: !values['no-confirm'],
    help: values.help,
    version: values.version,
    token: env.VPS_API_TOKEN || undefined,
    baseUrl: env.VPS_BASE_URL || undefined,
  };
}
