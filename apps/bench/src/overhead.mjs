// 1. Request overhead: the same GET and POST through raw fetch, bare openapi-fetch, vps.http, the resource method
// and axios, against one keep-alive node:http server in this process, in interleaved rounds.
import { createServer } from 'node:http';
import axios from 'axios';
import createClient from 'openapi-fetch';
import { createVpsClient } from '@vps-org/client';
import { median, spreadPercent } from './stats.mjs';

const TOKEN = 'vps_bench_token';
const SERVER = JSON.stringify({ id: 12345, name: 'web-server-01', status: 'active', ip_address: '203.0.113.10' });
const RECORD = { record_type: 'MX', name: '@', value: 'mail.example.com', ttl: 3600, priority: 10 };

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

function contenders(baseUrl) {
  const headers = { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' };
  const bare = createClient({ baseUrl, headers });
  const vps = createVpsClient({ token: TOKEN, baseUrl, maxRetries: 0 });
  const ax = axios.create({ baseURL: baseUrl, headers });
  const getUrl = `${baseUrl}/api/v1/servers/12345/`;
  const postUrl = `${baseUrl}/api/v1/dns-zones/abc123-def456-ghi789/records/`;
  return {
    get: {
      'raw fetch': async () => (await fetch(getUrl, { headers })).json(),
      'openapi-fetch': async () => (await bare.GET('/api/v1/servers/{server_id}/', { params: { path: { server_id: 12345 } } })).data,
      'vps.http': async () => (await vps.http.GET('/api/v1/servers/{server_id}/', { params: { path: { server_id: 12345 } } })).data,
      'vps.servers.get': () => vps.servers.get(12345),
      axios: async () => (await ax.get('/api/v1/servers/12345/')).data,
    },
    post: {
      'raw fetch': async () => (await fetch(postUrl, { method: 'POST', headers, body: JSON.stringify(RECORD) })).json(),
      'openapi-fetch': async () =>
        (await bare.POST('/api/v1/dns-zones/{uuid}/records/', { params: { path: { uuid: 'abc123-def456-ghi789' } }, body: RECORD })).data,
      'vps.http': async () =>
        (await vps.http.POST('/api/v1/dns-zones/{uuid}/records/', { params: { path: { uuid: 'abc123-def456-ghi789' } }, body: RECORD })).data,
      'vps.dnsZones.createRecord': () => vps.dnsZones.createRecord('abc123-def456-ghi789', RECORD),
      axios: async () => (await ax.post('/api/v1/dns-zones/abc123-def456-ghi789/records/', RECORD)).data,
    },
  };
}

async function opsPerSecond(fn, count) {
  const start = process.hrtime.bigint();
  for (let i = 0; i < count; i++) await fn();
  return count / (Number(process.hrtime.bigint() - start) / 1e9);
}

export async function measureOverhead({ rounds = 7, requests = 400, warmup = 200 } = {}) {
  const server = await startServer();
  const baseUrl = `http://127.0.0.1:${server.address().port}`;
  try {
    const rows = [];
    for (const [kind, fns] of Object.entries(contenders(baseUrl))) {
      const samples = Object.fromEntries(Object.keys(fns).map((k) => [k, []]));
      for (const fn of Object.values(fns)) await opsPerSecond(fn, warmup);
      // Interleaved: every contender runs once per round, in a rotating order, so drift hits them all alike.
      const names = Object.keys(fns);
      for (let r = 0; r < rounds; r++) {
        for (let i = 0; i < names.length; i++) {
          const name = names[(i + r) % names.length];
          samples[name].push(await opsPerSecond(fns[name], requests));
        }
      }
      const base = median(samples['raw fetch']);
      for (const name of names) {
        const ops = median(samples[name]);
        // Ratio of time per request to raw fetch's: 1.10x means 10% slower.
        rows.push({ kind: kind.toUpperCase(), name, ops, spread: spreadPercent(samples[name]), ratio: base / ops });
      }
    }
    return rows;
  } finally {
    server.closeAllConnections?.();
    await new Promise((r) => server.close(r));
  }
}
