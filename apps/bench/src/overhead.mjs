// 1. Request overhead: the same GET and POST through raw fetch, bare openapi-fetch, vps.http, the resource method
// and axios, against one keep-alive node:http server in this process, in interleaved rounds. Then the heap after
// 20,000 calls of the resource method.
import { createServer } from 'node:http';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import axios from 'axios';
import createClient from 'openapi-fetch';
import { createVpsClient } from '@vps-org/client';
import { median, shuffled, spreadPercent } from './stats.mjs';

const TOKEN = 'vps_bench_token';
const SERVER = JSON.stringify({ id: 12345, name: 'web-server-01', status: 'active', ip_address: '203.0.113.10' });
/** @import { Server } from 'node:http' */
/** @import { DnsRecordInput, paths } from '@vps-org/client' */
/** @typedef {() => Promise<unknown>} Contender */

/** @type {DnsRecordInput} */
const RECORD = { record_type: 'MX', name: '@', value: 'mail.example.com', ttl: 3600, priority: 10 };

/** @returns {Promise<Server>} */
function startServer() {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const created = req.method === 'POST';
      const payload = created ? JSON.stringify({ uuid: 'rec-003', ...JSON.parse(body), created_at: '2024-01-15T10:35:00Z' }) : SERVER;
      res.writeHead(created ? 201 : 200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) });
      res.end(payload);
    });
  });
  server.keepAliveTimeout = 60_000;
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/**
 * @param {string} baseUrl
 * @returns {Record<'get' | 'post', Record<string, Contender>>}
 */
function contenders(baseUrl) {
  const headers = { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' };
  const bare = createClient(/** @type {import('openapi-fetch').ClientOptions} */ ({ baseUrl, headers }));
  /** @type {import('openapi-fetch').Client<paths>} */
  const typed = bare;
  const vps = createVpsClient({ token: TOKEN, baseUrl });
  // What hooks cost when a program sets them (a client without them takes the path measured above).
  const hooked = createVpsClient({ token: TOKEN, baseUrl, onRequest: () => ({ 'X-Request-Id': 'bench' }), onResponse: () => undefined });
  const ax = axios.create({ baseURL: baseUrl, headers });
  // What any client with a per-attempt timeout pays on Node 20: raw fetch with a fresh AbortSignal and a timer.
  /** @param {string} url @param {RequestInit} init */
  const withTimeout = async (url, init) => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 30_000);
    try {
      return await (await fetch(url, { ...init, signal: controller.signal })).json();
    } finally {
      clearTimeout(timer);
    }
  };
  const getUrl = `${baseUrl}/api/v1/servers/12345/`;
  const postUrl = `${baseUrl}/api/v1/dns-zones/abc123-def456-ghi789/records/`;
  return {
    get: {
      'raw fetch': async () => (await fetch(getUrl, { headers })).json(),
      'raw fetch + timeout signal': () => withTimeout(getUrl, { headers }),
      'openapi-fetch': async () => (await typed.GET('/api/v1/servers/{server_id}/', { params: { path: { server_id: 12345 } } })).data,
      'vps.http': async () => (await vps.http.GET('/api/v1/servers/{server_id}/', { params: { path: { server_id: 12345 } } })).data,
      'vps.servers.get': () => vps.servers.get(12345),
      'hooks: onRequest + onResponse, servers.get': () => hooked.servers.get(12345),
      axios: async () => (await ax.get('/api/v1/servers/12345/')).data,
    },
    post: {
      'raw fetch': async () => (await fetch(postUrl, { method: 'POST', headers, body: JSON.stringify(RECORD) })).json(),
      'raw fetch + timeout signal': () => withTimeout(postUrl, { method: 'POST', headers, body: JSON.stringify(RECORD) }),
      'openapi-fetch': async () =>
        (await typed.POST('/api/v1/dns-zones/{uuid}/records/', { params: { path: { uuid: 'abc123-def456-ghi789' } }, body: RECORD })).data,
      'vps.http': async () =>
        (await vps.http.POST('/api/v1/dns-zones/{uuid}/records/', { params: { path: { uuid: 'abc123-def456-ghi789' } }, body: RECORD })).data,
      'vps.dnsZones.createRecord': () => vps.dnsZones.createRecord('abc123-def456-ghi789', RECORD),
      axios: async () => (await ax.post('/api/v1/dns-zones/abc123-def456-ghi789/records/', RECORD)).data,
    },
  };
}

/**
 * Wall and CPU seconds per request over `count` sequential requests. The CPU time (user + system) is this
 * process's, which runs both the client and the server: on a shared machine it moves far less with the neighbours'
 * load than the wall time does.
 */
/**
 * @param {Contender} fn
 * @param {number} count
 */
async function secondsPerRequest(fn, count) {
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  for (let i = 0; i < count; i++) await fn();
  const wall = Number(process.hrtime.bigint() - start) / 1e9 / count;
  const used = process.cpuUsage(cpu);
  return { wall, cpu: (used.user + used.system) / 1e6 / count };
}

/**
 * Each round runs every contender once, in an order shuffled per round, and each contender's CPU time per request is
 * divided by raw fetch's in the same round: a slow patch hits a round's contenders alike, so the per-round ratios are
 * steadier than a ratio of medians. The order is shuffled, not rotated, because a contender pays for some of the
 * garbage and the JIT state its predecessor leaves: in a rotation each one always follows the same neighbour, which
 * moved the ratios by up to 0.1x, the same way run after run. Value: median ops/s (wall time); ratio: median of the
 * per-round CPU-time ratios.
 */
export async function measureOverhead({ rounds = 101, requests = 200, warmup = 500 } = {}) {
  const server = await startServer();
  const baseUrl = `http://127.0.0.1:${port(server)}`;
  try {
    const rows = [];
    for (const [kind, fns] of Object.entries(contenders(baseUrl))) {
      const names = Object.keys(fns);
      /** @type {Record<string, Array<{ wall: number, cpu: number }>>} */
      const times = Object.fromEntries(names.map((k) => [k, []]));
      for (const fn of Object.values(fns)) await secondsPerRequest(fn, warmup);
      for (let r = 0; r < rounds; r++) {
        for (const name of shuffled(names, r + 1)) {
          times[name]?.push(await secondsPerRequest(/** @type {Contender} */ (fns[name]), requests));
        }
      }
      /** @param {string} name @param {string} base */
      const ratios = (name, base) => (times[name] ?? []).map((t, r) => t.cpu / (times[base]?.[r]?.cpu ?? Number.NaN));
      for (const name of names) {
        const perRound = ratios(name, 'raw fetch');
        rows.push({
          kind: kind.toUpperCase(),
          name,
          ops: 1 / median((times[name] ?? []).map((t) => t.wall)),
          spread: spreadPercent(perRound),
          ratio: median(perRound),
          vsOpenapiFetch: median(ratios(name, 'openapi-fetch')),
          vsTimeoutFetch: median(ratios(name, 'raw fetch + timeout signal')),
        });
      }
    }
    return rows;
  } finally {
    server.closeAllConnections?.();
    await new Promise((r) => server.close(r));
  }
}

/**
 * The heap's growth over `calls` sequential calls (after a warm-up) of `vps.servers.get`, and of raw fetch for
 * reference. Each reading is the lowest `heapUsed` of five forced collections a few ms apart, so finalizers that run
 * after a collection (undici registers some per request) have had their turn.
 */
export async function measureHeap({ calls = 20_000 } = {}) {
  setFlagsFromString('--expose-gc');
  /** @type {() => void} */
  const gc = runInNewContext('gc');
  const server = await startServer();
  const baseUrl = `http://127.0.0.1:${port(server)}`;
  const settle = async () => {
    let lowest = Infinity;
    for (let i = 0; i < 5; i++) {
      gc();
      await new Promise((resolve) => setTimeout(resolve, 20));
      lowest = Math.min(lowest, process.memoryUsage().heapUsed);
    }
    return lowest;
  };
  /** @param {Contender} fn */
  const growth = async (fn) => {
    for (let i = 0; i < 500; i++) await fn();
    const before = await settle();
    for (let i = 0; i < calls; i++) await fn();
    return (await settle()) - before;
  };
  try {
    const vps = createVpsClient({ token: TOKEN, baseUrl });
    const url = `${baseUrl}/api/v1/servers/12345/`;
    const raw = await growth(async () => (await fetch(url, { headers: { Authorization: `Bearer ${TOKEN}` } })).json());
    const client = await growth(() => vps.servers.get(12345));
    return { calls, growth: client, rawGrowth: raw };
  } finally {
    server.closeAllConnections?.();
    await new Promise((r) => server.close(r));
  }
}

/** @param {Server} server */
function port(server) {
  const address = server.address();
  return typeof address === 'object' && address ? address.port : 0;
}
