// 5c. The mock as CI runs it, the built bin in a process of its own: time from start to the first answered request
// against a bare `prism mock` started the same way (interleaved rounds), and the resident memory of the whole
// process tree (front, fake and Prism) idle, after 10,000 records, and over five create-and-delete cycles.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { median } from './stats.mjs';

const require = createRequire(import.meta.url);
const mockDir = dirname(require.resolve('@vps-org/mock/package.json'));
const mockBin = join(mockDir, 'dist', 'vps-mock.js');
const specYaml = join(mockDir, 'dist', 'openapi.yaml');
const prismBin = (() => {
  const manifest = createRequire(join(mockDir, 'package.json')).resolve('@stoplight/prism-cli/package.json');
  const { bin } = JSON.parse(readFileSync(manifest, 'utf8'));
  return join(dirname(manifest), typeof bin === 'string' ? bin : bin.prism);
})();
const TOKEN = 'vps_bench_life';

/** A free loopback port. @returns {Promise<number>} */
async function freePort() {
  const { createServer } = await import('node:net');
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
    server.once('error', reject);
  });
}

/** The pids of `root` and every process below it, from /proc. @param {number} root */
function tree(root) {
  /** @type {Map<number, number[]>} */
  const children = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone meanwhile
    }
  }
  const pids = [root];
  for (let i = 0; i < pids.length; i++) pids.push(...(children.get(/** @type {number} */ (pids[i])) ?? []));
  return pids;
}

/** VmRSS of a process tree, in bytes. @param {number} root */
function treeRss(root) {
  let total = 0;
  for (const pid of tree(root)) {
    try {
      total += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
    } catch {
      // gone meanwhile
    }
  }
  return total;
}

/**
 * Spawns `args` with node and resolves with the milliseconds until GET /api/v1/servers/ first answers 200 on
 * `port` (polled every 20 ms; connection refused and 503 mean not yet).
 * @param {string[]} args @param {number} port
 */
async function startToFirstAnswer(args, port) {
  const started = performance.now();
  const child = spawn(process.execPath, args, { stdio: 'ignore', env: { ...process.env, FORCE_COLOR: '0' } });
  const exited = new Promise((_, reject) => child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}`))));
  exited.catch(() => {});
  for (;;) {
    const answered = await fetch(`http://127.0.0.1:${port}/api/v1/servers/`, { headers: { authorization: `Bearer ${TOKEN}` } })
      .then(async (res) => (await res.arrayBuffer(), res.status === 200))
      .catch(() => false);
    if (answered) break;
    await Promise.race([new Promise((r) => setTimeout(r, 20)), exited]);
  }
  return { ms: performance.now() - started, child };
}

/** Stops a spawned process and waits for it (the mock stops its Prism first). @param {import('node:child_process').ChildProcess} child */
async function stop(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((done) => child.once('exit', done));
  child.kill('SIGTERM');
  await gone;
}

/** @param {string} method @param {string} url @param {unknown} [body] */
async function send(method, url, body) {
  const res = await fetch(url, {
    method,
    headers: { authorization: `Bearer ${TOKEN}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : undefined };
}

/**
 * Creates `count` TXT records in zones of 1,000 through the whole mock, 10 at a time, lists them back, and returns
 * the zones' uuids.
 * @param {string} base @param {number} count @param {string} label
 */
async function createAndList(base, count, label) {
  /** @type {string[]} */
  const zones = [];
  for (let z = 0; z < Math.ceil(count / 1000); z++) {
    const created = await send('POST', `${base}/api/v1/dns-zones/`, { domain: `${label}-${z}.example` });
    if (created.status !== 201) throw new Error(`zone ${z}: ${created.status} ${JSON.stringify(created.json)}`);
    zones.push(created.json.uuid);
  }
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const res = await send('POST', `${base}/api/v1/dns-zones/${zones[Math.floor(i / 1000)]}/records/`, { record_type: 'TXT', name: `r${i}`, value: `v=record ${i}` });
      if (res.status !== 201) throw new Error(`record ${i}: ${res.status} ${JSON.stringify(res.json)}`);
    }
  };
  await Promise.all(Array.from({ length: 10 }, worker));
  let listed = 0;
  for (const zone of zones) listed += (await send('GET', `${base}/api/v1/dns-zones/${zone}/records/`)).json.length;
  if (listed !== count) throw new Error(`listed ${listed} records of ${count}`);
  return zones;
}

export async function measureMockLife({ rounds = 5, records = 10_000, cycles = 5, cycleRecords = 1_000 } = {}) {
  // Start to first answer, the mock's stateless mode and a bare Prism alternating, each on a fresh port.
  /** @type {{ mock: number[], prism: number[], ratios: number[] }} */
  const start = { mock: [], prism: [], ratios: [] };
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 ? ['prism', 'mock'] : ['mock', 'prism'];
    /** @type {Record<string, number>} */
    const times = {};
    for (const which of order) {
      const port = await freePort();
      const args =
        which === 'mock'
          ? [mockBin, '--port', String(port)]
          : [prismBin, 'mock', specYaml, '--host', '127.0.0.1', '--port', String(port), '--multiprocess=false', '--errors'];
      const { ms, child } = await startToFirstAnswer(args, port);
      times[which] = ms;
      await stop(child);
    }
    start.mock.push(/** @type {number} */ (times.mock));
    start.prism.push(/** @type {number} */ (times.prism));
    start.ratios.push(/** @type {number} */ (times.mock) / /** @type {number} */ (times.prism));
  }

  // Memory of the stateful mock's whole tree.
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const { child } = await startToFirstAnswer([mockBin, '--stateful', '--transition-ms', '0', '--port', String(port)], port);
  const pid = /** @type {number} */ (child.pid);
  try {
    const idle = treeRss(pid);
    const processes = tree(pid).length;
    await createAndList(base, records, 'life');
    const loaded = treeRss(pid);
    await send('POST', `${base}/_mock/reset`);
    /** @type {number[]} */
    const perCycle = [];
    for (let c = 0; c < cycles; c++) {
      const zones = await createAndList(base, cycleRecords, `cycle-${c}`);
      for (const zone of zones) {
        const res = await send('DELETE', `${base}/api/v1/dns-zones/${zone}/`);
        if (res.status !== 204) throw new Error(`delete ${zone}: ${res.status}`);
      }
      perCycle.push(treeRss(pid));
    }
    return {
      start: { mockMs: median(start.mock), prismMs: median(start.prism), ratio: median(start.ratios), rounds },
      memory: { idle, loaded, processes, records, perCycle, cycleRecords },
    };
  } finally {
    await stop(child);
  }
}
