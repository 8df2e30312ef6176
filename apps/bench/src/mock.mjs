// 5. Mock throughput: requests per second of the Prism mock, 10 in flight, a bounded number of requests.
import { startMock } from '@vps-org/mock';

const headers = { Authorization: 'Bearer vps_bench_token', 'Content-Type': 'application/json' };

/**
 * @param {string} url
 * @param {RequestInit} init
 * @param {{ total: number, inFlight: number }} load
 */
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
