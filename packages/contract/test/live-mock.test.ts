import { spawn } from 'node:child_process';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createVpsClient } from '@vps-org/client';
import { startMock, type MockServer } from '@vps-org/mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLive } from '../src/live/live.js';

// The real stateful mock: Prism's validating proxy in front of the fake, so an answer that broke the spec would be a
// 500 here, and `mock.violations` would list it.
let mock: MockServer;
const token = 'vps_contract_live_mock';
const vps = () => createVpsClient({ token, baseUrl: mock.url });
const servers: Server[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  await mock?.stop();
});

beforeAll(async () => {
  mock = await startMock({ stateful: true, transitionMs: 0 });
  // What an account has: more servers than one page holds (20), a zone with records.
  for (let i = 0; i < 21; i++) await vps().servers.create({ name: `live-${i}`, plan_id: 1, os_id: 5, location: 'us-west' });
  const zone = await vps().dnsZones.create({ domain: 'kept.example.com' });
  await vps().dnsZones.createRecord(zone.uuid, { record_type: 'MX', name: '@', value: 'mail.kept.example.com', priority: 10 });
  await vps().dnsZones.createRecord(zone.uuid, { record_type: 'A', name: 'www', value: '192.0.2.10' });
}, 300_000);

const listen = async (server: Server) => {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};

/** The command line, as `pnpm contract:live` runs it, its output collected until it exits. */
function live(args: string[], env: Record<string, string> = {}) {
  const bin = fileURLToPath(new URL('../dist/bin/contract-live.js', import.meta.url));
  const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, VPS_API_TOKEN: token, ...env } });
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  return new Promise<{ code: number | null; out: string; err: string }>((resolve) => child.on('close', (code) => resolve({ code, out, err })));
}

describe('contract:live against the stateful mock', () => {
  it('finds no drift, reading every list, the second page, and what the lists return', async () => {
    const result = await checkLive({ baseUrl: mock.url, token });
    expect(result.drifts).toEqual([]);
    expect(result.skipped).toEqual([]);
    expect(result.requests).toContain('GET /api/v1/servers/?page=2');
    expect(result.requests.filter((r) => /^GET \/api\/v1\/dns-records\/[^/?]+\/$/.test(r))).toHaveLength(2);
    expect(mock.violations).toEqual([]);
  }, 300_000);

  it('--write runs the lifecycle in a zone of its own, and leaves the account as it found it', async () => {
    const before = await vps().dnsZones.list();
    const r = await live(['--base-url', mock.url, '--write']);
    expect(r.code, r.out + r.err).toBe(0);
    expect(r.out).toMatch(/\d+ request\(s\), 0 drift\(s\): the API answers as the spec says/);
    expect(await vps().dnsZones.list()).toEqual(before);
    expect(mock.violations).toEqual([]);
  }, 300_000);

  it('--write cleans up when the lifecycle fails half-way, and touches nothing it did not create', async () => {
    const seen: string[] = [];
    // A front that forwards to the mock but drops the connection of the first PATCH, as a failing network would.
    const front = await listen(
      createServer((req, res) => {
        seen.push(`${req.method} ${req.url}`);
        if (req.method === 'PATCH') return void req.socket.destroy();
        const upstream = httpRequest(`${mock.url}${req.url}`, { method: req.method, headers: req.headers }, (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        });
        req.pipe(upstream);
      }),
    );
    const before = await vps().dnsZones.list();
    const r = await live(['--base-url', front, '--write']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^contract:live: VpsConnectionError: /);
    const created = seen.find((s) => s === 'POST /api/v1/dns-zones/');
    expect(created).toBeDefined();
    expect(seen.at(-1)).toMatch(/^DELETE \/api\/v1\/dns-zones\/[^/]+\/$/);
    expect(await vps().dnsZones.list()).toEqual(before);
    // Every write went to the zone it created or to records in it, never to the zone that was already there.
    const kept = before[0]!.uuid;
    expect(seen.filter((s) => !s.startsWith('GET') && s.includes(kept))).toEqual([]);
  }, 300_000);

  it('goes through the proxy that HTTP_PROXY names', async () => {
    const tunnels: string[] = [];
    const proxy = createServer();
    proxy.on('connect', (req, socket, head) => {
      tunnels.push(req.url ?? '');
      const [host, port] = (req.url ?? '').split(':');
      const upstream = connect(Number(port), host, () => {
        socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.write(head);
        upstream.pipe(socket).pipe(upstream);
      });
      upstream.on('error', () => socket.destroy());
      socket.on('error', () => upstream.destroy());
    });
    const proxyUrl = await listen(proxy);
    const r = await live(['--base-url', mock.url], { HTTP_PROXY: proxyUrl, NO_PROXY: '' });
    expect(r.code, r.err).toBe(0);
    expect(tunnels.length).toBeGreaterThan(0);
    expect(tunnels.every((t) => t === new URL(mock.url).host)).toBe(true);
  }, 300_000);

  it('refuses to run without a token or a base URL, naming what is missing', async () => {
    expect(await live(['--base-url', mock.url], { VPS_API_TOKEN: '' })).toMatchObject({
      code: 2,
      err: 'contract:live: VPS_API_TOKEN: the API token is required in the environment\n',
    });
    expect(await live([])).toMatchObject({ code: 2, err: 'contract:live: --base-url: an http(s) URL of the API is required\n' });
  });
});
