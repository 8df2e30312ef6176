// 8. MCP: how long `vps-mcp` takes from its start to answering tools/list (the SDK's client spawning the built
// binary over stdio, as an assistant does), against `node -e 0`'s start in the same rounds; and what a tool call adds
// to the client's own call of the same operation, against a keep-alive node:http server in this process, in
// interleaved rounds: in-process (the server's work: arguments checked, the call, the result built) and over stdio
// (plus the pipe and the child process).
import { createServer } from 'node:http';
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { createVpsClient } from '@vps-org/client';
import { createApp } from '@vps-org/mcp';
import { getOperation, loadSpec, namedExamples } from '@vps-org/openapi';
import { median, shuffled } from './stats.mjs';

const require = createRequire(import.meta.url);
const BIN = join(require.resolve('@vps-org/mcp/package.json'), '..', 'dist/bin/vps-mcp.js');
const TOKEN = 'vps_bench_token';
// The spec's own example answer of getServer: what the tool's output schema accepts.
const SERVER = JSON.stringify(Object.values(namedExamples(loadSpec(), getOperation('getServer'), '200'))[0]);
const STARTS = 9;
const ROUNDS = 21;
const CALLS = 100;

/** @returns {Promise<import('node:http').Server>} */
function startServer() {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(SERVER) }).end(SERVER));
  });
  server.keepAliveTimeout = 60_000;
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** @param {Record<string, string>} env */
async function connectStdio(env) {
  const client = new Client({ name: 'bench', version: '1' });
  await client.connect(new StdioClientTransport({ command: process.execPath, args: [BIN], env: { PATH: process.env.PATH ?? '', ...env }, stderr: 'ignore' }));
  return client;
}

/** Spawn to tools/list answered, and the bare Node start beside it. */
async function measureStart() {
  /** @type {number[]} */
  const mcp = [];
  /** @type {number[]} */
  const bare = [];
  let tools = 0;
  for (let i = 0; i < STARTS; i++) {
    let started = performance.now();
    await promisify(execFile)(process.execPath, ['-e', '0']);
    bare.push(performance.now() - started);
    started = performance.now();
    const client = await connectStdio({ VPS_API_TOKEN: TOKEN });
    tools = (await client.listTools()).tools.length;
    mcp.push(performance.now() - started);
    await client.close();
  }
  return { startMs: median(mcp), nodeMs: median(bare), tools, runs: STARTS };
}

export async function measureMcp() {
  const start = await measureStart();
  const server = await startServer();
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  const baseUrl = `http://127.0.0.1:${address.port}`;
  const vps = createVpsClient({ token: TOKEN, baseUrl });
  const app = createApp({ token: TOKEN, baseUrl });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  const inProcess = new Client({ name: 'bench', version: '1' });
  await app.newSession().connect(serverSide);
  await inProcess.connect(clientSide);
  const overStdio = await connectStdio({ VPS_API_TOKEN: TOKEN, VPS_BASE_URL: baseUrl });
  const args = { name: 'get_server', arguments: { server_id: 12345 } };
  /** @type {Record<string, () => Promise<unknown>>} */
  const contenders = {
    'vps.servers.get': () => vps.servers.get(12345),
    'get_server, in-process': () => inProcess.callTool(args),
    'get_server, over stdio': () => overStdio.callTool(args),
  };
  /** @type {Record<string, number[]>} */
  const perCall = Object.fromEntries(Object.keys(contenders).map((k) => [k, []]));
  try {
    for (const call of Object.values(contenders)) for (let i = 0; i < CALLS; i++) await call(); // warm-up
    for (let round = 0; round < ROUNDS; round++) {
      for (const name of shuffled(Object.keys(contenders), round + 1)) {
        const call = /** @type {() => Promise<unknown>} */ (contenders[name]);
        const started = performance.now();
        for (let i = 0; i < CALLS; i++) await call();
        perCall[name]?.push((performance.now() - started) / CALLS);
      }
    }
  } finally {
    await inProcess.close();
    await overStdio.close();
    server.closeAllConnections();
    server.close();
  }
  const ms = Object.fromEntries(Object.entries(perCall).map(([k, v]) => [k, median(v)]));
  const base = ms['vps.servers.get'] ?? Number.NaN;
  return { ...start, calls: ROUNDS * CALLS, perCallMs: ms, ratios: Object.fromEntries(Object.entries(ms).map(([k, v]) => [k, v / base])) };
}
