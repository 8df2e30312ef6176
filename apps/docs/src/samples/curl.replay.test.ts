// Every cURL sample the built page ships, read back the way a shell and curl would, replayed against the real mock
// (Prism validating requests against the spec): each must get a 2xx. Only the host changes, to the mock's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock } from '@vps-org/mock';
import { shippedSamples } from '../build/shipped.js';
import { parseCurl } from '@vps-org/testkit';

const env = { VPS_API_TOKEN: 'vps_docs_replay_token' };
const operations = shippedSamples();
const curlOf = (id: string) => operations.find((op) => op.operationId === id)!.samples.cURL!;

let mock: Awaited<ReturnType<typeof startMock>>;

beforeAll(async () => {
  mock = await startMock();
});

afterAll(async () => {
  await mock?.stop();
});

/** Sends a parsed curl request to the mock instead of its own host. */
async function replay(command: string) {
  const { method, url, headers, body } = parseCurl(command, env);
  const original = new URL(url);
  expect(original.origin).toBe('https://admin.vps.org');
  const target = new URL(`${original.pathname}${original.search}`, mock.url);
  const res = await fetch(target, { method, headers, body });
  return { status: res.status, text: await res.text() };
}

describe('the cURL samples replayed against the mock', () => {
  it('covers the 20 operations', () => {
    expect(operations).toHaveLength(20);
  });

  it.each(operations.map((op) => [`${op.operationId}: ${op.method} ${op.path}`, op]))('%s', async (_name, op) => {
    const { method } = parseCurl(op.samples.cURL!, env);
    expect(method).toBe(op.method);
    const { status, text } = await replay(op.samples.cURL!);
    expect(status, text).toBeGreaterThanOrEqual(200);
    expect(status, text).toBeLessThan(300);
  });
});

// The samples of each named request example (createDnsZoneRecord's A, AAAA, CNAME, MX...), shown when picked.
const perExample = operations.flatMap((op) => Object.entries(op.byExample).map(([name, samples]) => [`${op.operationId} ${name}`, samples.cURL!] as const));

describe("each request example's cURL sample replayed against the mock", () => {
  it('exists for the operations whose body has several examples', () => {
    expect(perExample.length).toBeGreaterThan(1);
  });

  it.each(perExample)('%s', async (_name, command) => {
    const { status, text } = await replay(command);
    expect(status, text).toBeGreaterThanOrEqual(200);
    expect(status, text).toBeLessThan(300);
  });
});

describe('the replay is a real check', () => {
  it('the mock refuses a sample whose body breaks the spec (MX without priority)', async () => {
    const command = curlOf('createDnsZoneRecord').replace('"record_type": "A"', '"record_type": "MX"');
    expect(command).not.toBe(curlOf('createDnsZoneRecord'));
    expect((await replay(command)).status).toBe(400);
  });

  it('the mock refuses a sample without its token', async () => {
    const command = curlOf('listServers').replace(/ \\\n {2}-H "Authorization: [^"]*"/, '');
    expect(command).not.toBe(curlOf('listServers'));
    expect((await replay(command)).status).toBe(401);
  });
});
