// 5. Mock throughput: requests per second of the Prism mock, 10 in flight, a bounded number of requests.
import { execFileSync } from 'node:child_process';
import { createFake, startMock } from '@vps-org/mock';

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

/** @param {Send} send @returns {Promise<string>} */
async function zoneOf(send) {
  const created = await send('POST', '/api/v1/dns-zones/', { domain: `bench-${process.pid}.example` });
  return created.json.uuid;
}

/**
 * Resident memory of a process holding a fake with `records` records (in zones of 1,000), after a GC.
 * @param {number} records
 * @returns {Promise<{ before: number, after: number, heapUsed: number, count: number }>}
 */
async function rssWithRecords(records) {
  const script = `
    import { createFake } from '@vps-org/mock';
    const { handler } = createFake({ transitionMs: 0 });
    const send = (method, path, body) => handler(new Request('http://fake.bench' + path, { method,
      headers: { authorization: 'Bearer vps_bench', 'content-type': 'application/json' }, body: JSON.stringify(body) }))
      .then((r) => r.json());
    gc();
    const before = process.memoryUsage().rss;
    let zone;
    for (let i = 0; i < ${records}; i++) {
      if (i % 1000 === 0) zone = (await send('POST', '/api/v1/dns-zones/', { domain: 'z' + i + '.example' })).uuid;
      await send('POST', '/api/v1/dns-zones/' + zone + '/records/', { record_type: 'TXT', name: 'r' + i, value: 'v=record ' + i });
    }
    // Counted from the zone list (100 summaries), not by listing 100,000 records, which would itself grow the heap.
    const zones = await handler(new Request('http://fake.bench/api/v1/dns-zones/', { headers: { authorization: 'Bearer vps_bench' } })).then((r) => r.json());
    const count = zones.reduce((sum, z) => sum + z.record_count, 0);
    gc();
    const { rss, heapUsed } = process.memoryUsage();
    console.log(JSON.stringify({ before, after: rss, heapUsed, count }));
  `;
  const out = execFileSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', script], {
    cwd: new URL('..', import.meta.url),
    encoding: 'utf8',
  });
  return JSON.parse(out);
}

export async function measureStateful({ seconds = 10, concurrency = 50, records = 100_000 } = {}) {
  const token = 'vps_bench_token';
  const load = { seconds, concurrency };
  const stateless = await startMock();
  let statelessRate;
  try {
    const send = overHttp(stateless.url, token);
    await createGetRate(send, 'abc123-def456-ghi789', { seconds: 1, concurrency }); // warm-up: Prism compiles validators
    statelessRate = await createGetRate(send, 'abc123-def456-ghi789', load);
  } finally {
    await stateless.stop();
  }
  const stateful = await startMock({ stateful: true, transitionMs: 0 });
  let statefulRate;
  try {
    const send = overHttp(stateful.url, token);
    const zone = await zoneOf(send);
    await createGetRate(send, zone, { seconds: 1, concurrency });
    statefulRate = await createGetRate(send, zone, load);
    if (stateful.violations.length) throw new Error(`the fake violated the spec: ${JSON.stringify(stateful.violations[0])}`);
  } finally {
    await stateful.stop();
  }
  const send = inProcess(createFake({ transitionMs: 0 }).handler, token);
  const zone = await zoneOf(send);
  await createGetRate(send, zone, { seconds: 1, concurrency });
  const handlerRate = await createGetRate(send, zone, load);
  return { stateless: statelessRate, stateful: statefulRate, handler: handlerRate, memory: await rssWithRecords(records), records, ...load };
}
