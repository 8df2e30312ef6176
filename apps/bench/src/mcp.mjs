// 8. MCP: how long `vps-mcp` takes from its start to answering tools/list (the SDK's client spawning the built
// binary over stdio, as an assistant does), against `node -e 0`'s start in the same rounds; and what a tool call adds
// to the client's own call of the same operation, in interleaved rounds: in-process (an in-memory transport: the
// server's own work, arguments checked, the call, the result built) and over stdio (plus the pipe and the child
// process). The API runs in a process of its own, as an API always does: answering at once, where the ratio shows
// everything the server adds; after 5 ms, about the least a request across a network takes; and after 50 ms, the
// latency the CLI's bench gives the API (section 7), where it shows what a person waiting on an assistant feels.
import { execFile, spawn } from 'node:child_process';
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
/** The API's latency in the CLI's bench (`--latency-ms 50`): the one the budget is measured at. */
export const API_LATENCY_MS = 50;
const SETS = [
  { latencyMs: 0, rounds: 21, calls: 100 },
  { latencyMs: 5, rounds: 11, calls: 40 },
  { latencyMs: API_LATENCY_MS, rounds: 11, calls: 10 },
];

/**
 * A keep-alive HTTP server in a process of its own answering every request with the example server after
 * `latencyMs`; resolves with its URL and a function that stops it.
 * @param {number} latencyMs
 */
async function startApi(latencyMs) {
  const script = `
    import { createServer } from 'node:http';
    const body = process.argv[1];
    const answer = (res) => res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body);
    const server = createServer((req, res) => {
      req.resume();
      req.on('end', () => (${latencyMs} ? setTimeout(answer, ${latencyMs}, res) : answer(res)));
    });
    server.keepAliveTimeout = 600_000;
    server.listen(0, '127.0.0.1', () => console.log('port ' + server.address().port));
  `;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script, SERVER], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      const match = /port (\d+)/.exec(String(chunk));
      if (match) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`the API's process exited with ${code}`)));
  });
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve(undefined);
      child.once('exit', resolve);
      child.kill();
    });
  return { baseUrl: `http://127.0.0.1:${port}`, stop };
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

/**
 * A child that echoes each JSON line it reads: what any stdio server costs per call before it does anything.
 * @returns {Promise<{ call: () => Promise<unknown>, stop: () => Promise<unknown> }>}
 */
async function startEcho() {
  const script = `
    let buffered = '';
    process.stdin.setEncoding('utf8').on('data', (chunk) => {
      buffered += chunk;
      for (let end = buffered.indexOf('\\n'); end >= 0; end = buffered.indexOf('\\n')) {
        const message = JSON.parse(buffered.slice(0, end));
        buffered = buffered.slice(end + 1);
        process.stdout.write(JSON.stringify({ jsonrpc: '2.0', id: message.id, result: { server: message.params } }) + '\\n');
      }
    });
  `;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['pipe', 'pipe', 'inherit'] });
  /** @type {Map<number, (value: unknown) => void>} */
  const waiting = new Map();
  let buffered = '';
  child.stdout.setEncoding('utf8').on('data', (chunk) => {
    buffered += chunk;
    for (let end = buffered.indexOf('\n'); end >= 0; end = buffered.indexOf('\n')) {
      const message = JSON.parse(buffered.slice(0, end));
      buffered = buffered.slice(end + 1);
      waiting.get(message.id)?.(message.result);
      waiting.delete(message.id);
    }
  });
  let id = 0;
  const params = JSON.parse(SERVER);
  return {
    call: () =>
      new Promise((resolve) => {
        waiting.set(++id, resolve);
        child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', id, method: 'echo', params })}\n`);
      }),
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', resolve);
        child.stdin.end();
      }),
  };
}

/**
 * The client's call, the tool in-process and the tool over stdio against one API, interleaved (with the API
 * answering at once, also a bare echo over a pipe: the floor of a stdio server).
 * @param {{ latencyMs: number, rounds: number, calls: number }} set
 */
async function measureCalls({ latencyMs, rounds, calls }) {
  const api = await startApi(latencyMs);
  const { baseUrl } = api;
  const vps = createVpsClient({ token: TOKEN, baseUrl });
  const app = createApp({ token: TOKEN, baseUrl });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  const inProcess = new Client({ name: 'bench', version: '1' });
  await app.newSession().connect(serverSide);
  await inProcess.connect(clientSide);
  const overStdio = await connectStdio({ VPS_API_TOKEN: TOKEN, VPS_BASE_URL: baseUrl });
  // As assistants do: the tool list first, so the SDK's client checks each result against the tool's output schema.
  await inProcess.listTools();
  await overStdio.listTools();
  const echo = latencyMs ? undefined : await startEcho();
  const args = { name: 'get_server', arguments: { server_id: 12345 } };
  /** @type {Record<string, () => Promise<unknown>>} */
  const contenders = {
    'vps.servers.get': () => vps.servers.get(12345),
    'get_server, in-process': () => inProcess.callTool(args),
    'get_server, over stdio': () => overStdio.callTool(args),
    ...(echo && { 'the example answer echoed by a child over stdio, no API': echo.call }),
  };
  /** @type {Record<string, number[]>} */
  const perCall = Object.fromEntries(Object.keys(contenders).map((k) => [k, []]));
  try {
    for (const call of Object.values(contenders)) for (let i = 0; i < calls; i++) await call(); // warm-up
    for (let round = 0; round < rounds; round++) {
      for (const name of shuffled(Object.keys(contenders), round + 1)) {
        const call = /** @type {() => Promise<unknown>} */ (contenders[name]);
        const started = performance.now();
        for (let i = 0; i < calls; i++) await call();
        perCall[name]?.push((performance.now() - started) / calls);
      }
    }
  } finally {
    await inProcess.close();
    await overStdio.close();
    await echo?.stop();
    await api.stop();
  }
  const ms = Object.fromEntries(Object.entries(perCall).map(([k, v]) => [k, median(v)]));
  const base = ms['vps.servers.get'] ?? Number.NaN;
  return { latencyMs, calls: rounds * calls, perCallMs: ms, ratios: Object.fromEntries(Object.entries(ms).map(([k, v]) => [k, v / base])) };
}

export async function measureMcp() {
  const start = await measureStart();
  /** @type {Awaited<ReturnType<typeof measureCalls>>[]} */
  const sets = [];
  for (const set of SETS) sets.push(await measureCalls(set));
  return { ...start, sets };
}
