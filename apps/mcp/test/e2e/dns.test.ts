// DNS as code through MCP: export, plan and apply on the stateful mock, over stdio with the SDK's client; the
// exported zone file judged by BIND's named-compilezone.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { startMock, type MockServer } from '@vps-org/mock';
import type { JsonObject } from '@vps-org/openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type Connection } from '../support/connect.js';
import { strictAjv } from '../support/schemas.js';

// The DNS package's own fixture: a zone file as admins keep one, every record type the API stores.
const FIXTURE = readFileSync(new URL('../../../../packages/dns/test/fixtures/example.com.zone', import.meta.url), 'utf8');
const TOKEN = `vps_mcp_dns_${process.pid}_Kx7secret`;
const ajv = strictAjv();
let mock: MockServer;
let mcp: Connection;
let outputSchemas: Map<string, JsonObject>;
let dir: string;

beforeAll(async () => {
  mock = await startMock({ stateful: true, transitionMs: 100 });
  mcp = await connect('stdio', [], { VPS_API_TOKEN: TOKEN, VPS_BASE_URL: mock.url });
  const { tools } = await mcp.client.listTools();
  outputSchemas = new Map(tools.filter((t) => t.outputSchema).map((t) => [t.name, t.outputSchema as JsonObject]));
  dir = mkdtempSync(join(tmpdir(), 'vps-mcp-dns-'));
});

afterAll(async () => {
  await mcp?.close();
  await mock?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const text = (result: CallToolResult): string => (result.content as Array<{ text: string }>).map((c) => c.text).join('\n');

async function call(name: string, args: JsonObject): Promise<CallToolResult> {
  const result = (await mcp.client.callTool({ name, arguments: args })) as CallToolResult;
  if (result.structuredContent) {
    const validate = ajv.compile(outputSchemas.get(name)!);
    expect(validate(result.structuredContent), `${name}: ${ajv.errorsText(validate.errors)}`).toBe(true);
  }
  return result;
}

async function ok(name: string, args: JsonObject): Promise<JsonObject> {
  const result = await call(name, args);
  expect(result.isError, `${name}: ${text(result)}`).toBeFalsy();
  return result.structuredContent as JsonObject;
}

/** dns_apply is destructive: the first call answers a token, the second (with it) applies. */
async function apply(planId: string): Promise<CallToolResult> {
  const first = await call('dns_apply', { plan_id: planId });
  expect(first.isError).toBe(true);
  const token = /"confirmation_token": "([^"]+)"/.exec(text(first))?.[1];
  expect(text(first), 'the confirmation says what the apply would do').toMatch(/dns_apply would apply to example\.com: Plan: /);
  return call('dns_apply', { plan_id: planId, confirmation_token: token });
}

describe('DNS as code through MCP', () => {
  it('plans a zone file of every record type: 15 to add, with the notices of what it left out', async () => {
    await ok('create_dns_zone', { body: { domain: 'example.com' } });
    const planned = await ok('dns_plan', { zone: 'example.com', zone_file: FIXTURE });
    expect(planned.summary).toBe('Plan: 15 to add, 0 to change, 0 to delete.');
    expect((planned.plan as JsonObject).add).toContainEqual({ record_type: 'MX', name: '@', value: 'mail.example.com', ttl: 3600, priority: 10 });
    expect(planned.lines).toContain('+ _sip._tcp\t3600\tIN\tSRV\t10 5 5060 sip.example.com.');
    expect((planned.notices as string[]).join('\n')).toMatch(/SOA record skipped/);
  });

  it('applies the plan once confirmed, and then there is nothing left to do', async () => {
    const planned = await ok('dns_plan', { zone: 'example.com', zone_file: FIXTURE });
    const applied = await apply(planned.plan_id as string);
    expect(applied.isError, text(applied)).toBeFalsy();
    expect(applied.structuredContent).toMatchObject({ applied: { add: 15, change: 0, delete: 0 }, failed: [], not_applied: [] });
    const again = await ok('dns_plan', { zone: 'example.com', zone_file: FIXTURE });
    expect(again.summary).toBe('Plan: 0 to add, 0 to change, 0 to delete.');
    // A plan is applied once.
    const replay = await call('dns_apply', { plan_id: planned.plan_id as string });
    expect(text(replay)).toMatch(/No plan .*run dns_plan again/);
  });

  it('exports a zone file that BIND accepts and that plans to no change', async () => {
    const exported = await ok('dns_export', { zone: 'example.com' });
    expect(exported.records).toBe(15);
    const file = join(dir, 'exported.zone');
    // BIND needs an SOA and an NS at the apex to load a zone; the API keeps neither, so the judge gets them added.
    writeFileSync(file, `$TTL 3600\n@ IN SOA ns1.vps.org. hostmaster.example.com. 1 3600 600 1209600 300\n@ IN NS ns1.vps.org.\n${exported.zone_file as string}`);
    const { stdout } = await promisify(execFile)('named-compilezone', ['-i', 'none', '-o', '-', 'example.com', file]);
    expect(stdout).toMatch(/_sip\._tcp\.example\.com\.\s+3600\s+IN\s+SRV\s+10 5 5060 sip\.example\.com\./);
    const replanned = await ok('dns_plan', { zone: 'example.com', zone_file: exported.zone_file as string });
    expect(replanned.summary).toBe('Plan: 0 to add, 0 to change, 0 to delete.');
  });

  it('refuses to apply a plan when the zone changed since it was made, and a new plan takes the change in', async () => {
    const edited = FIXTURE.replace('mail\t600\tA', 'mail\t900\tA');
    const planned = await ok('dns_plan', { zone: 'example.com', zone_file: edited });
    expect(planned.summary).toBe('Plan: 0 to add, 1 to change, 0 to delete.');
    const zone = planned.zone as { uuid: string };
    await ok('create_dns_zone_record', { uuid: zone.uuid, body: { record_type: 'A', name: 'intruder', value: '203.0.113.9' } });

    const refused = await apply(planned.plan_id as string);
    expect(refused.isError).toBe(true);
    expect(text(refused)).toBe('not applied: the zone example.com changed since the plan was made; make a new plan and review it');
    const records = await ok('list_dns_zone_records', { uuid: zone.uuid });
    expect((records.results as JsonObject[]).find((r) => r.name === 'mail')).toMatchObject({ ttl: 600 });

    const replanned = await ok('dns_plan', { zone: zone.uuid, zone_file: edited });
    expect(replanned.summary).toBe('Plan: 0 to add, 1 to change, 1 to delete.');
    const applied = await apply(replanned.plan_id as string);
    expect(applied.structuredContent).toMatchObject({ applied: { add: 0, change: 1, delete: 1 } });
  });

  it('holds a plan that deletes most of the zone to the CLI’s safety rules, unless forced', async () => {
    const truncated = '$ORIGIN example.com.\n@ 300 IN A 192.0.2.1\n';
    const planned = await ok('dns_plan', { zone: 'example.com', zone_file: truncated });
    expect(planned.summary).toMatch(/^Plan: 0 to add, 0 to change, 1[0-9] to delete\.$/);
    expect(planned.refused).toMatch(/^refused: this plan deletes 1[0-9] and changes 0 of the zone's 1[0-9] records/);
    // Refused before anyone is asked to confirm.
    const refused = await call('dns_apply', { plan_id: planned.plan_id as string });
    expect(refused.isError).toBe(true);
    expect(text(refused)).toMatch(/^Not applied: the safety rules refuse plan .*"force": true/);
    expect(text(refused)).not.toMatch(/confirmation_token/);

    const forced = await ok('dns_plan', { zone: 'example.com', zone_file: truncated, force: true });
    expect(forced.refused).toBeNull();
    const first = await call('dns_apply', { plan_id: forced.plan_id as string });
    expect(text(first)).toMatch(/dns_apply would apply to example\.com: Plan: 0 to add, 0 to change, 1[0-9] to delete\./);
  });

  it('refuses a bad zone file with the line and the reason, and an unknown zone by name', async () => {
    const bad = await call('dns_plan', { zone: 'example.com', zone_file: '$ORIGIN example.com.\nwww IN A 999.1.1.1\n' });
    expect(bad.isError).toBe(true);
    expect(text(bad)).toMatch(/^zone_file:2: /);
    const missing = await call('dns_export', { zone: 'nowhere.example' });
    expect(missing.isError).toBe(true);
    expect(text(missing)).toMatch(/nowhere\.example/);
  });

  it('never lets the token out', () => {
    const output = mcp.output();
    expect(output).toContain('dns_apply');
    expect(output).not.toContain(TOKEN);
    expect(output).not.toContain('Kx7secret');
  });
});
