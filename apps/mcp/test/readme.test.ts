// The README, checked: its tool table is the toolset's, its command lines and client configurations start the
// built server as they say (with the SDK's client listing the tools), and its library snippet runs.
import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { allTools, createToolset, withToolTable } from '../src/index.js';
import { connect } from './support/connect.js';
import { BIN } from './support/paths.js';

const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const blocks = [...README.matchAll(/^```(\w+)(?: ([\w-]+))?\n([\s\S]*?)^```$/gm)].map(([, lang, tag, body]) => ({ lang: lang!, tag, body: body! }));
const block = (tag: string): string => blocks.find((b) => b.tag === tag || (!b.tag && b.lang === tag))!.body;
const TOKEN = `vps_readme_${process.pid}`;
const ARTIFACTS = new URL('../test-artifacts/', import.meta.url);

interface ServerConfig {
  type?: string;
  command: string;
  args: string[];
  env: Record<string, string>;
}

/** The options a configuration passes to `vps-mcp`: what follows the package name in `npx -y @vps-org/mcp ...`. */
function serverArgs(config: ServerConfig): string[] {
  expect(config.command).toBe('npx');
  const at = config.args.indexOf('@vps-org/mcp');
  expect(at, 'the configuration runs the package').toBeGreaterThanOrEqual(0);
  return config.args.slice(at + 1);
}

async function listedBy(args: string[], env: Record<string, string>): Promise<string[]> {
  const mcp = await connect('stdio', args, env);
  try {
    return (await mcp.client.listTools()).tools.map((t) => t.name);
  } finally {
    await mcp.close();
  }
}

const names = (options: Parameters<typeof createToolset>[0]) => createToolset(options).map((t) => t.name);

describe('the README', () => {
  it('has the tool table of the current toolset (`pnpm --filter @vps-org/mcp tool-table` rewrites it)', () => {
    expect(README).toBe(withToolTable(README, allTools()));
    for (const tool of allTools()) expect(README).toContain(`| \`${tool.name}\` | \`${tool.group}\` |`);
  });

  it('gives Claude Desktop a configuration that starts every tool', async () => {
    const config = JSON.parse(block('claude-desktop')) as { mcpServers: Record<string, ServerConfig> };
    const server = config.mcpServers.vps!;
    expect(Object.keys(server.env)).toEqual(['VPS_API_TOKEN']);
    expect(await listedBy(serverArgs(server), { VPS_API_TOKEN: TOKEN })).toEqual(names({}));
  });

  it('gives Cursor a configuration that starts the DNS tools that change nothing', async () => {
    const config = JSON.parse(block('cursor')) as { mcpServers: Record<string, ServerConfig> };
    const server = config.mcpServers.vps!;
    const listed = await listedBy(serverArgs(server), { VPS_API_TOKEN: TOKEN });
    expect(listed).toEqual(names({ readOnly: true, groups: ['dns-zones', 'dns-records', 'dns'] }));
    expect(listed).toContain('dns_plan');
    expect(listed).not.toContain('dns_apply');
  });

  it('gives VS Code a stdio configuration whose token comes from a password input', async () => {
    const config = JSON.parse(block('vscode')) as { inputs: Array<Record<string, unknown>>; servers: Record<string, ServerConfig> };
    const server = config.servers.vps!;
    expect(server.type).toBe('stdio');
    const input = /^\$\{input:([\w-]+)\}$/.exec(server.env.VPS_API_TOKEN!)?.[1];
    expect(config.inputs).toContainEqual(expect.objectContaining({ id: input, type: 'promptString', password: true }));
    expect(await listedBy(serverArgs(server), { VPS_API_TOKEN: TOKEN })).toEqual(names({}));
  });

  it('starts as its command lines say: stdio, and Streamable HTTP at /mcp on 127.0.0.1', async () => {
    const lines = block('sh').trim().split('\n').map((l) => l.replace(/\s+#.*$/, '').trim());
    const [stdio, http] = lines.map((l) => l.split(/\s+/).slice(l.split(/\s+/).indexOf('@vps-org/mcp') + 1));
    expect(await listedBy(stdio!, { VPS_API_TOKEN: TOKEN })).toEqual(names({}));
    // The README names a port; a test never takes a fixed one.
    expect(http).toEqual(['--http', expect.stringMatching(/^\d+$/)]);
    const child = spawn(process.execPath, [BIN, '--http', '0'], { env: { PATH: process.env.PATH ?? '', VPS_API_TOKEN: TOKEN } });
    const exited = once(child, 'exit');
    let url: string | undefined;
    for await (const line of createInterface({ input: child.stderr })) {
      url = /tools at (\S+)/.exec(line)?.[1];
      if (url) break;
    }
    child.kill('SIGTERM');
    await exited;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
  });

  it('runs its library snippet, which prints what its comment says', async () => {
    const snippet = blocks.find((b) => b.lang === 'ts')!.body;
    mkdirSync(ARTIFACTS, { recursive: true });
    // Inside the package, `@vps-org/mcp` resolves to itself through its own `exports`.
    const file = new URL('readme-serve.mjs', ARTIFACTS);
    writeFileSync(file, snippet);
    const { stdout } = await promisify(execFile)(process.execPath, [file.pathname], { env: { PATH: process.env.PATH ?? '', VPS_API_TOKEN: TOKEN } });
    const said = /console\.log\(.*\); \/\/ (\d+) http:\/\/127\.0\.0\.1:PORT\/mcp/.exec(snippet)?.[1];
    expect(said).toBe(String(names({ readOnly: true }).length));
    expect(stdout.trim()).toMatch(new RegExp(`^${said} http://127\\.0\\.0\\.1:\\d+/mcp$`));
  });
});
