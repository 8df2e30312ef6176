import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { checkLive } from '../src/live/live.js';
import { startDriftingFake, type Edit } from './drifting-fake.js';

const token = 'vps_drift_test_token_Zq9"x';
let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

async function driftsWith(edit: Edit) {
  const fake = await startDriftingFake(edit);
  close = fake.close;
  return checkLive({ baseUrl: fake.url, token });
}

type Body = Record<string, unknown> & { results?: Record<string, unknown>[] };

describe('contract:live against an API that drifts in one way', () => {
  it('reports nothing on the spec\'s own examples, after reading back what the lists return', async () => {
    const fake = await startDriftingFake();
    close = fake.close;
    const result = await checkLive({ baseUrl: fake.url, token });
    expect(result.drifts).toEqual([]);
    // Lists first, then each item they listed: the server list's two ids, the zone list's uuids.
    expect(fake.requests.slice(0, 3)).toEqual(['GET /api/v1/servers/', 'GET /api/v1/dns-zones/', 'GET /api/v1/dns-records/']);
    expect(fake.requests).toContain('GET /api/v1/servers/12345/');
    expect(fake.requests).toContain('GET /api/v1/servers/12346/');
    expect(fake.requests.filter((r) => r.startsWith('GET /api/v1/dns-zones/') && r.endsWith('/records/')).length).toBeGreaterThan(0);
  });

  it.each<[string, Edit, Partial<{ operationId: string; pointer: string; expected: string; actual: string }>]>([
    [
      'an answer field the spec does not have',
      (id, body) => (id === 'getServer' ? { body: { ...(body as Body), backup_window: '02:00' } } : undefined),
      { operationId: 'getServer', pointer: '/backup_window', expected: 'no such field', actual: '"02:00"' },
    ],
    [
      'a required field missing',
      (id, body) => {
        if (id !== 'listServers') return undefined;
        delete (body as Body).results![1]!.ip_address;
        return { body };
      },
      { operationId: 'listServers', pointer: '/results/1/ip_address', expected: 'a required field', actual: 'absent' },
    ],
    [
      'a type changed',
      (id, body) => (id === 'getServer' ? { body: { ...(body as Body), id: '12345' } } : undefined),
      { operationId: 'getServer', pointer: '/id', expected: 'type integer', actual: '"12345"' },
    ],
    [
      'an undocumented status',
      (id) => (id === 'listDnsZones' ? { status: 418, body: { detail: 'teapot' } } : undefined),
      { operationId: 'listDnsZones', pointer: '', actual: 'status 418' },
    ],
    [
      'an enum value the spec does not list',
      (id, body) => (id === 'getServer' ? { body: { ...(body as Body), status: 'hibernating' } } : undefined),
      { operationId: 'getServer', pointer: '/status', actual: '"hibernating"' },
    ],
    [
      'a next link of another shape',
      (id, body, url) => (id === 'listServers' && !url.search ? { body: { ...(body as Body), next: 'http://127.0.0.1/api/v2/servers/?cursor=abc' } } : undefined),
      { operationId: 'listServers', pointer: '/next' },
    ],
    [
      'a documented header missing (429 without Retry-After)',
      (id) => (id === 'listDnsZones' ? { status: 429, body: { detail: 'Request was throttled.' } } : undefined),
      { operationId: 'listDnsZones', pointer: '(header Retry-After)', expected: 'a required header', actual: 'absent' },
    ],
    [
      'an A record with a priority (the record union, narrowed)',
      (id, body) => {
        if (id !== 'listDnsRecords') return undefined;
        const records = body as Record<string, unknown>[];
        records[0] = { ...records[0], priority: 10 };
        return { body: records };
      },
      { operationId: 'listDnsRecords', pointer: '/0/priority', expected: 'type null', actual: '10' },
    ],
  ])('reports %s, with the operation and the JSON pointer', async (_label, edit, want) => {
    const { drifts } = await driftsWith(edit);
    expect(drifts.length, JSON.stringify(drifts, null, 2)).toBeGreaterThan(0);
    expect(drifts[0]).toMatchObject(want);
    // One drift made, one drift found (a list's drift may show again where an item is read back).
    expect(new Set(drifts.map((d) => `${d.operationId} ${d.pointer}`)).size).toBe(1);
  });

  it('the command prints the table, exits 1, and never shows the token, even when the API echoes it', async () => {
    const fake = await startDriftingFake((id, body) => (id === 'getServer' ? { body: { ...(body as Body), echoed: `Bearer ${token}` } } : undefined));
    close = fake.close;
    const bin = fileURLToPath(new URL('../dist/bin/contract-live.js', import.meta.url));
    const child = spawn(process.execPath, [bin, '--base-url', fake.url], { env: { ...process.env, VPS_API_TOKEN: token } });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code, err).toBe(1);
    expect(out).toMatch(/^Operation\s+Request\s+Where\s+Spec says\s+Came back$/m);
    expect(out).toMatch(/^getServer\s+GET \/api\/v1\/servers\/12345\/\s+\/echoed\s+no such field\s+"Bearer \[redacted\]"$/m);
    for (const form of [token, JSON.stringify(token).slice(1, -1), encodeURIComponent(token)]) expect(out + err).not.toContain(form);
  });
});
