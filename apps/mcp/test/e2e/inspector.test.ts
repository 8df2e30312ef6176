// The MCP Inspector's command-line mode, a client nobody here wrote, driving the built server over stdio and over
// Streamable HTTP against the stateful mock; its --strict schema check finds no error in any tool.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { request } from 'node:http';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { startMock, type MockServer } from '@vps-org/mock';
import type { JsonObject } from '@vps-org/openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN } from '../support/paths.js';

const INSPECTOR = fileURLToPath(new URL('../../node_modules/.bin/mcp-inspector', import.meta.url));
const TOKEN = `vps_mcp_inspector_${process.pid}_Pw4secret`;
let mock: MockServer;
let env: Record<string, string>;
let http: ChildProcess;
let url: string;
// The Inspector keeps a catalog and storage under HOME: a home of its own, removed afterwards.
let home: string;
const outputs: string[] = [];

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** `mcp-inspector --cli ARGS`, its exit code and streams, all kept for the token check. */
function inspector(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(INSPECTOR, ['--cli', ...args], { env: { PATH: process.env.PATH ?? '', HOME: home } }, (error, stdout, stderr) => {
      outputs.push(stdout, stderr);
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
}

const stdio = (...args: string[]) =>
  inspector(['-e', `VPS_API_TOKEN=${TOKEN}`, '-e', `VPS_BASE_URL=${mock.url}`, process.execPath, BIN, ...args]);

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'vps-mcp-inspector-'));
  mock = await startMock({ stateful: true, transitionMs: 100 });
  env = { VPS_API_TOKEN: TOKEN, VPS_BASE_URL: mock.url };
  http = spawn(process.execPath, [BIN, '--http', '0', '--no-confirm'], { env: { PATH: process.env.PATH ?? '', ...env } });
  http.stdout!.on('data', (c: Buffer) => outputs.push(c.toString()));
  for await (const line of createInterface({ input: http.stderr! })) {
    outputs.push(line);
    const found = /tools at (http:\/\/\S+)/.exec(line)?.[1];
    if (found) {
      url = found;
      break;
    }
  }
  http.stderr!.on('data', (c: Buffer) => outputs.push(c.toString()));
});

afterAll(async () => {
  if (http && http.exitCode === null) {
    http.kill('SIGTERM');
    await once(http, 'exit');
  }
  await mock?.stop();
  if (home) rmSync(home, { recursive: true, force: true });
});

describe('the MCP Inspector CLI', () => {
  it('lists every tool over stdio, and --strict finds no schema error', async () => {
    const run = await stdio('--method', 'tools/list', '--strict');
    expect(run.code, run.stderr).toBe(0);
    const { tools } = JSON.parse(run.stdout) as { tools: JsonObject[] };
    expect(tools).toHaveLength(24);
    expect(tools.map((t) => t.name)).toEqual(expect.arrayContaining(['create_dns_zone_record', 'wait_for_server', 'dns_plan']));
  });

  it('calls a tool over stdio with the arguments it is given, and reports an invalid one as the tool’s error', async () => {
    const created = await stdio('--method', 'tools/call', '--tool-name', 'create_dns_zone', '--tool-arg', 'body={"domain":"inspector.example"}');
    expect(created.code, created.stderr).toBe(0);
    expect((JSON.parse(created.stdout) as JsonObject).structuredContent).toMatchObject({ domain: 'inspector.example', records: [] });

    const invalid = await stdio('--method', 'tools/call', '--tool-name', 'create_dns_zone_record', '--tool-arg', 'uuid=z-1', 'body={"record_type":"MX","name":"@","value":"m.example.com"}');
    expect(invalid.code).not.toBe(0);
    expect(JSON.parse(invalid.stdout)).toEqual({
      content: [{ type: 'text', text: 'Invalid arguments for create_dns_zone_record: body.priority is required. Nothing was sent.' }],
      isError: true,
    });
  });

  it('drives the Streamable HTTP server: a list, a call, and a 404 as an isError result', async () => {
    const listed = await inspector([url, '--method', 'tools/list']);
    expect(listed.code, listed.stderr).toBe(0);
    expect((JSON.parse(listed.stdout) as { tools: unknown[] }).tools).toHaveLength(24);

    const zones = await inspector([url, '--method', 'tools/call', '--tool-name', 'list_dns_zones']);
    expect(zones.code, zones.stderr).toBe(0);
    expect((JSON.parse(zones.stdout) as JsonObject).structuredContent).toEqual({ results: [expect.objectContaining({ domain: 'inspector.example' })] });

    const missing = await inspector([url, '--method', 'tools/call', '--tool-name', 'get_server', '--tool-arg', 'server_id=424242']);
    expect(missing.code).not.toBe(0);
    const result = JSON.parse(missing.stdout) as { isError: boolean; content: Array<{ text: string }> };
    expect(result.isError).toBe(true);
    expect(result.content[0]?.text).toMatch(/^404 .*\n\{"status":404,/);
  });

  it('never sees the token', () => {
    const all = outputs.join('\n');
    expect(all).toContain('create_dns_zone_record');
    expect(all).not.toContain(TOKEN);
    expect(all).not.toContain('Pw4secret');
  });
});

describe('the Streamable HTTP server the Inspector drove', () => {
  it('refuses a request that names another host (DNS rebinding)', async () => {
    const { port } = new URL(url);
    const initialize = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'x', version: '1' } } });
    const status = (host: string) =>
      new Promise<number>((resolve, reject) => {
        const req = request(
          { host: '127.0.0.1', port, path: '/mcp', method: 'POST', headers: { host, 'content-type': 'application/json', accept: 'application/json, text/event-stream' } },
          (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          },
        );
        req.on('error', reject);
        req.end(initialize);
      });
    expect(await status(`attacker.example:${port}`)).toBe(403);
    expect(await status(`localhost:${port}`)).toBe(200);
  });
});
