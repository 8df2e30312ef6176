// Workflows end to end through @vps-org/client against the stateful mock (the fake behind Prism's validating
// proxy): what is created can be read back, changed and deleted. Every answer the client receives is checked
// against the spec by the recording fetch.
import { BadRequestError, listAllServers, NotFoundError, waitForServer, type DnsRecordInput, type ServerCreateRequest } from '@vps-org/client';
import { namedExamples } from '@vps-org/openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Recorder } from '../support/recorder.js';
import { operation, requestExample, spec } from '../support/spec.js';
import { fileToken, resetState, statefulClient, statefulUrl } from './stateful-client.js';

const recorder = new Recorder();
const token = fileToken('lifecycle');
const vps = statefulClient(recorder, token);
// The timeout only bounds a transition that never ends; a busy runner may take seconds for a 300 ms one.
const waitOptions = { intervalMs: 25, timeoutMs: 120_000 };
const newServer = (): ServerCreateRequest => requestExample(operation('createServer')) as ServerCreateRequest;

beforeAll(() => resetState(token));
afterAll(() => {
  expect(recorder.recordings.length).toBeGreaterThan(0);
  expect(recorder.problems()).toEqual([]);
});

async function rejection(call: Promise<unknown>): Promise<unknown> {
  return call.then(
    (value) => expect.fail(`resolved with ${JSON.stringify(value)} instead of rejecting`),
    (error: unknown) => error,
  );
}

describe('a server’s life', () => {
  it('is provisioning when created, active after waitForServer, and goes through stop, start and reboot', async () => {
    const created = await vps.servers.create(newServer());
    expect(created).toMatchObject({ status: 'provisioning', ip_address: null });

    const active = await waitForServer(vps, created.id, 'active', waitOptions);
    expect(active.ip_address).toMatch(/^\d+\.\d+\.\d+\.\d+$/);

    const startOp = operation('startServer');
    const running = await rejection(vps.servers.start(created.id));
    expect(running).toBeInstanceOf(BadRequestError);
    expect((running as BadRequestError).body).toEqual(namedExamples(spec, startOp, 400).ErrorServerAlreadyRunning);

    expect((await vps.servers.stop(created.id)).server.status).toBe('stopping');
    await waitForServer(vps, created.id, 'stopped', waitOptions);
    const stopped = await rejection(vps.servers.stop(created.id));
    expect((stopped as BadRequestError).body).toEqual(namedExamples(spec, operation('stopServer'), 400).ErrorServerNotRunning);

    expect((await vps.servers.start(created.id)).server.status).toBe('starting');
    await waitForServer(vps, created.id, 'active', waitOptions);
    expect((await vps.servers.reboot(created.id)).server.status).toBe('rebooting');
    expect((await waitForServer(vps, created.id, 'active', waitOptions)).status).toBe('active');
  });

  it('changes with PUT and PATCH, and is gone after DELETE', async () => {
    const { id } = await vps.servers.create({ ...newServer(), name: 'to-change' });
    const put = await vps.servers.update(id, { name: 'changed', hostname: 'changed.example.com', backups_enabled: true });
    expect(put).toMatchObject({ id, name: 'changed', hostname: 'changed.example.com', backups_enabled: true });
    expect(await vps.servers.patch(id, { backups_enabled: false })).toMatchObject({ name: 'changed', backups_enabled: false });
    expect(await vps.servers.get(id)).toMatchObject({ name: 'changed', backups_enabled: false });

    await vps.servers.delete(id);
    expect(await rejection(vps.servers.get(id))).toBeInstanceOf(NotFoundError);
  });

  it('listAllServers follows the pages to the end, and list filters by location and status', async () => {
    // A location of the vendor's page that no other server of this file's account is in (the example's is us-west).
    const location = 'us-east';
    const ids: number[] = [];
    for (let i = 0; i < 45; i++) {
      ids.push((await vps.servers.create({ ...newServer(), name: `paged-${i}`, location })).id);
    }
    const seen: number[] = [];
    for await (const server of listAllServers(vps, { location })) seen.push(server.id);
    expect(seen).toEqual(ids);
    const first = await vps.servers.list({ location });
    expect(first.count).toBe(45);
    // Absolute, and pointing where the client called (the mock's front), not at the fake behind Prism.
    expect(first.next?.startsWith(`${statefulUrl()}/api/v1/servers/?`)).toBe(true);
    expect(new URL(first.next!).searchParams.get('page')).toBe('2');

    await waitForServer(vps, ids.at(-1)!, 'active', waitOptions);
    expect((await vps.servers.list({ location, status: 'active' })).count).toBe(45);
    expect((await vps.servers.list({ location, status: 'stopped' })).count).toBe(0);
  });
});

describe('a zone and its records', () => {
  it('creates a zone once per domain, every record type of the spec, and reads them back', async () => {
    const zone = await vps.dnsZones.create({ domain: 'lifecycle.example' });
    expect(zone).toMatchObject({ domain: 'lifecycle.example', record_count: 0, records: [] });
    const duplicate = await rejection(vps.dnsZones.create({ domain: 'lifecycle.example' }));
    expect(duplicate).toBeInstanceOf(BadRequestError);
    expect(duplicate).toMatchObject({ field: 'domain' });

    const inputs = Object.values(namedExamples(spec, operation('createDnsZoneRecord'), 'request')) as DnsRecordInput[];
    expect(inputs.length).toBeGreaterThanOrEqual(8);
    const created = [];
    for (const input of inputs) created.push(await vps.dnsZones.createRecord(zone.uuid, input));
    for (const [i, record] of created.entries()) expect(record).toMatchObject(inputs[i]!);

    expect(await vps.dnsZones.listRecords(zone.uuid)).toEqual(created);
    expect((await vps.dnsZones.get(zone.uuid)).record_count).toBe(created.length);
    const mx = await vps.dnsRecords.list({ zone: zone.uuid, record_type: 'MX' });
    expect(mx.map((r) => r.uuid)).toEqual(created.filter((r) => r.record_type === 'MX').map((r) => r.uuid));
  });

  it('refuses an MX record without priority with the API’s 400, naming the field', async () => {
    const zone = await vps.dnsZones.create({ domain: 'rules.lifecycle.example' });
    const error = await rejection(vps.dnsZones.createRecord(zone.uuid, { record_type: 'MX', name: '@', value: 'mail.example.com' } as never));
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ field: 'priority', detail: 'MX records require a priority value' });
    expect(await vps.dnsZones.listRecords(zone.uuid)).toEqual([]);
  });

  it('updates and patches a record, and deleting the zone deletes its records', async () => {
    const zone = await vps.dnsZones.create({ domain: 'cascade.lifecycle.example' });
    const record = await vps.dnsZones.createRecord(zone.uuid, { record_type: 'A', name: 'www', value: '192.0.2.10' });
    expect(await vps.dnsRecords.patch(record.uuid, { ttl: 120 })).toMatchObject({ ttl: 120, value: '192.0.2.10' });
    const put = await vps.dnsRecords.update(record.uuid, { record_type: 'MX', name: '@', value: 'mx.example.com', priority: 5 });
    expect(put).toMatchObject({ uuid: record.uuid, record_type: 'MX', priority: 5 });

    await vps.dnsZones.delete(zone.uuid);
    expect(await rejection(vps.dnsRecords.get(record.uuid))).toBeInstanceOf(NotFoundError);
    expect(await rejection(vps.dnsZones.get(zone.uuid))).toBeInstanceOf(NotFoundError);
    expect((await vps.dnsZones.list()).map((z) => z.uuid)).not.toContain(zone.uuid);
  });

  it('200 concurrent clients creating records in one zone lose none and duplicate no uuid', async () => {
    const zone = await vps.dnsZones.create({ domain: 'concurrent.lifecycle.example' });
    const clients = Array.from({ length: 200 }, (_, i) => statefulClient(recorder, token, `concurrent-${i}`));
    const created = await Promise.all(
      clients.map((client, i) => client.dnsZones.createRecord(zone.uuid, { record_type: 'TXT', name: `c${i}`, value: `value ${i}` })),
    );
    expect(new Set(created.map((r) => r.uuid)).size).toBe(200);
    const listed = await vps.dnsZones.listRecords(zone.uuid);
    expect(listed).toHaveLength(200);
    expect(new Set(listed.map((r) => r.name))).toEqual(new Set(created.map((r) => r.name)));
  });
});

describe('isolation', () => {
  it('another token sees none of this file’s state, and a reset empties only its own', async () => {
    const otherToken = fileToken('lifecycle_other');
    const other = statefulClient(recorder, otherToken, 'other');
    await resetState(otherToken);
    await other.dnsZones.create({ domain: 'other.example' });
    expect((await vps.dnsZones.list()).map((z) => z.domain)).not.toContain('other.example');
    expect((await other.dnsZones.list()).map((z) => z.domain)).toEqual(['other.example']);
    await resetState(otherToken);
    expect(await other.dnsZones.list()).toEqual([]);
    expect((await vps.dnsZones.list()).length).toBeGreaterThan(0);
  });
});
