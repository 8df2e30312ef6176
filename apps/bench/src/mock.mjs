// 5. Mock throughput: requests per second of the Prism mock, 10 in flight, a bounded number of requests.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createFake, startMock } from '@vps-org/mock';
import { median } from './stats.mjs';

const headers = { Authorization: 'Bearer vps_bench_token', 'Content-Type': 'application/json' };

/** @param {string} url @param {RequestInit} init @param {{ total: number, inFlight: number }} load */
async function rps(url, init, { total, inFlight }) {
  let sent = 0;
  let failures = 0;
  const worker = async () => {
    while (sent < total) {
      sent++;
      const res = await fetch(url, init);
      await res.arrayBuffer();
      if (!res.ok) failures++;
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: inFlight }, worker));
  return { rps: total / ((performance.now() - start) / 1000), failures };
}

export async function measureMock({ total = 600, inFlight = 10 } = {}) {
  const mock = await startMock();
  try {
    /** @type {[string, RequestInit]} */
    const get = [`${mock.url}/api/v1/servers/`, { headers }];
    const body = JSON.stringify({ record_type: 'MX', name: '@', value: 'mail.example.com', priority: 10 });
    /** @type {[string, RequestInit]} */
    const post = [`${mock.url}/api/v1/dns-zones/abc123-def456-ghi789/records/`, { method: 'POST', headers, body }];
    await rps(...get, { total: 50, inFlight }); // warm-up: Prism compiles its validators on first use
    await rps(...post, { total: 50, inFlight });
    return {
      get: await rps(...get, { total, inFlight }),
      post: await rps(...post, { total, inFlight }),
      total,
      inFlight,
    };
  } finally {
    await mock.stop();
  }
}

// 5b. Stateful mode: create + get of DNS records, `concurrency` workers for `seconds`, against the stateless Prism
// mode doing the same calls (it answers them with the spec's examples), and the fake's handler in-process.
const MX = { record_type: 'MX', name: '@', value: 'mail.example.com', priority: 10 };

/** @typedef {(method: string, path: string, body?: unknown) => Promise<{ status: number, json: any }>} Send */

/**
 * Pairs of (create a record, get it) per second, counted as two requests each.
 * @param {Send} send @param {string} zone @param {{ seconds: number, concurrency: number }} load
 */
async function createGetRate(send, zone, { seconds, concurrency }) {
  let pairs = 0;
  let failures = 0;
  const end = performance.now() + seconds * 1000;
  const worker = async () => {
    while (performance.now() < end) {
      const created = await send('POST', `/api/v1/dns-zones/${zone}/records/`, MX);
      const read = await send('GET', `/api/v1/dns-records/${created.json.uuid}/`);
      if (created.status !== 201 || read.status !== 200) failures++;
      pairs++;
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { rps: (pairs * 2) / ((performance.now() - start) / 1000), failures };
}

/** @param {string} base @param {string} token @returns {Send} */
const overHttp = (base, token) => async (method, path, body) => {
  const res = await fetch(base + path, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, json: await res.json() };
};

/** @param {(request: Request) => Promise<Response>} handler @param {string} token @returns {Send} */
const inProcess = (handler, token) => async (method, path, body) => {
  const headers = { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) };
  const res = await handler(new Request(`http://fake.bench${path}`, { method, headers, body: body ? JSON.stringify(body) : undefined }));
  return { status: res.status, json: await res.json() };
};

/** @param {Send} send @param {string} [label] @returns {Promise<string>} */
async function zoneOf(send, label = 'bench') {
  const created = await send('POST', '/api/v1/dns-zones/', { domain: `${label}-${process.pid}.example` });
  return created.json.uuid;
}

/**
 * Resident memory of a process serving the fake over HTTP (createFake + serveHandler, as `vps-mock --stateful`
 * holds it, Prism and the front aside) once `records` records (in zones of 1,000) were created through it, by 10
 * clients in this process. Measured in that process, so the clients' own garbage does not count.
 * @param {number} records
 * @returns {Promise<{ before: number, after: number, count: number }>}
 */
async function rssWithRecords(records) {
  const script = `
    import { createFake, serveHandler } from '@vps-org/mock';
    const server = serveHandler(createFake({ transitionMs: 0 }).handler);
    server.listen(0, '127.0.0.1', () => console.log('port ' + server.address().port));
  `;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const port = await new Promise((resolve, reject) => {
      child.stdout.on('data', (chunk) => {
        const match = /port (\d+)/.exec(String(chunk));
        if (match) resolve(match[1]);
      });
      child.once('exit', (code) => reject(new Error(`the fake's process exited with ${code}`)));
    });
    const rss = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
    const before = rss();
    const send = overHttp(`http://127.0.0.1:${port}`, 'vps_bench_memory');
    /** @type {string[]} */
    const zones = [];
    for (let z = 0; z < records / 1000; z++) zones.push(await zoneOf(send, `memory-${z}`));
    let next = 0;
    const worker = async () => {
      while (next < records) {
        const i = next++;
        const res = await send('POST', `/api/v1/dns-zones/${zones[Math.floor(i / 1000)]}/records/`, { record_type: 'TXT', name: `r${i}`, value: `v=record ${i}` });
        if (res.status !== 201) throw new Error(`record ${i}: ${res.status}`);
      }
    };
    await Promise.all(Array.from({ length: 10 }, worker));
    // Counted from the zone list (summaries), not by listing every record, which would itself grow the heap.
    const listed = await send('GET', '/api/v1/dns-zones/');
    const count = listed.json.reduce((/** @type {number} */ sum, /** @type {{ record_count: number }} */ z) => sum + z.record_count, 0);
    return { before, after: rss(), count };
  } finally {
    child.kill();
  }
}

/**
 * The three contenders in interleaved rounds (the order rotating each round), so that the load of other processes
 * on a shared machine weighs on all of them alike; ratios are taken within a round, then their median.
 */
export async function measureStateful({ seconds = 10, concurrency = 50, records = 100_000, rounds = 5 } = {}) {
  const token = 'vps_bench_token';
  const stateless = await startMock();
  const stateful = await startMock({ stateful: true, transitionMs: 0 });
  try {
    const contenders = [
      { name: 'stateless', send: overHttp(stateless.url, token), zone: 'abc123-def456-ghi789' },
      { name: 'stateful', send: overHttp(stateful.url, token), zone: '' },
      { name: 'handler', send: inProcess(createFake({ transitionMs: 0 }).handler, token), zone: '' },
    ];
    for (const c of contenders) {
      if (!c.zone) c.zone = await zoneOf(c.send);
      await createGetRate(c.send, c.zone, { seconds: 1, concurrency }); // warm-up: Prism compiles its validators
    }
    /** @type {Record<string, Array<{ rps: number, failures: number }>>} */
    const results = { stateless: [], stateful: [], handler: [] };
    for (let round = 0; round < rounds; round++) {
      for (let k = 0; k < contenders.length; k++) {
        const c = /** @type {(typeof contenders)[number]} */ (contenders[(round + k) % contenders.length]);
        results[c.name]?.push(await createGetRate(c.send, c.zone, { seconds: seconds / rounds, concurrency }));
      }
    }
    if (stateful.violations.length) throw new Error(`the fake violated the spec: ${JSON.stringify(stateful.violations[0])}`);
    /** @param {string} name */
    const summary = (name) => {
      const list = results[name] ?? [];
      return { rps: median(list.map((r) => r.rps)), failures: list.reduce((n, r) => n + r.failures, 0) };
    };
    /** @param {string} name */
    const ratio = (name) => median((results[name] ?? []).map((r, i) => r.rps / (results.stateless?.[i]?.rps ?? NaN)));
    return {
      stateless: summary('stateless'),
      stateful: { ...summary('stateful'), ratio: ratio('stateful') },
      handler: { ...summary('handler'), ratio: ratio('handler') },
      memory: await rssWithRecords(records),
      records,
      seconds,
      concurrency,
      rounds,
    };
  } finally {
    await Promise.all([stateless.stop(), stateful.stop()]);
  }
}
