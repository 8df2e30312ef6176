// `vps-mcp`: stdout belongs to the protocol on stdio, so everything for people goes to stderr.
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { createApp, VERSION } from './app.js';
import { redact } from './errors.js';
import { serveHttp } from './http.js';
import { parseOptions, USAGE, UsageError } from './options.js';
import { ToolsetError } from './toolset.js';

const say = (line: string): void => void process.stderr.write(`vps-mcp: ${line}\n`);

/** Resolves with the exit code once the server has stopped (stdin closed, or SIGINT/SIGTERM). */
export async function main(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  let options;
  let app;
  try {
    options = parseOptions(argv, env);
    if (options.help || options.version) {
      process.stdout.write(options.help ? USAGE : `${VERSION}\n`);
      return 0;
    }
    app = createApp(options);
  } catch (error) {
    if (error instanceof UsageError || error instanceof ToolsetError) {
      say(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }
  const stopped = new Promise<string>((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
    if (options.http === undefined) process.stdin.once('close', () => resolve('stdin closed'));
  });
  try {
    if (options.http === undefined) {
      const session = app.newSession();
      await session.connect(new StdioServerTransport());
      say(`${app.tools.length} tools on stdio`);
      await stopped;
      await session.close();
    } else {
      const http = await serveHttp(app, options.http);
      say(`${app.tools.length} tools at ${http.url}`);
      say(`stopping (${await stopped})`);
      await http.close();
    }
  } catch (error) {
    say(redact(error instanceof Error ? `${error.name}: ${error.message}` : String(error), options.token));
    return 1;
  }
  return 0;
}
