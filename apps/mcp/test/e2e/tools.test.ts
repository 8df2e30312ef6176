// Every tool, over stdio and over Streamable HTTP, with the SDK's own client, against the stateful mock (Prism
// validating every request and answer): the list, the schemas, a call of each, the errors, and no token anywhere.
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { startMock, type MockServer } from '@vps-org/mock';
import { listOperations, type JsonObject } from '@vps-org/openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type Connection, type TransportKind } from '../support/connect.js';
import { strictAjv } from '../support/schemas.js';

const operations = listOperations();
const ajv = strictAjv();
let mock: MockServer;

beforeAll(async () => {
  mock = await startMock({ stateful: true, transitionMs: 300 });
});

afterAll(async () => {
  await mock?.stop();
});

describe.each<TransportKind>(['stdio', 'http'])('vps-mcp over %s', (kind) => {
  // The fake keeps one account per token: each transport its own. A token an echo would be easy to spot in.
  const token = `vps_mcp_${kind}_${process.pid}_Zq9secret`;
  let mcp: Connection;
  let tools: Awaited<ReturnType<Connection['client']['listTools']>>['tools'];
  const byName = (name: string) => tools.find((t) => t.name === name)!;

  /** A call whose result must be a success that validates against the tool's output schema. */
  async function ok(name: string, args: JsonObject): Promise<JsonObject | undefined> {
    const result = (await mcp.client.callTool({ name, arguments: args })) as CallToolResult;
    expect(result.isError, `${name}: ${JSON.stringify(result.content)}`).toBeFalsy();
    const schema = byName(name).outputSchema;
    if (!schema) {
      expect(result.structuredContent).toBeUndefined();
      return undefined;
    }
    const validate = ajv.compile(schema);
    expect(validate(result.structuredContent), `${name}: ${ajv.errorsText(validate.errors)}`).toBe(true);
    expect(result.content).toEqual([{ type: 'text', text: expect.stringContaining(JSON.stringify(result.structuredContent)) }]);
    return result.structuredContent as JsonObject;
  }

  async function failure(name: string, args: JsonObject): Promise<string> {
    const result = (await mcp.client.callTool({ name, arguments: args })) as CallToolResult;
    expect(result.isError).toBe(true);
    expect(result.structuredContent).toBeUndefined();
    return (result.content as Array<{ text: string }>).map((c) => c.text).join('\n');
  }

  beforeAll(async () => {
    mcp = await connect(kind, ['--no-confirm'], { VPS_API_TOKEN: token, VPS_BASE_URL: mock.url });
    ({ tools } = await mcp.client.listTools());
  });

  afterAll(async () => {
    await mcp?.close();
  });

  it('lists one tool per operation, named after its operationId, plus the wait and DNS as code', () => {
    expect(tools.map((t) => t.name)).toEqual([...operations.map((o) => o.tool), 'wait_for_server', 'dns_export', 'dns_plan', 'dns_apply']);
    expect(byName('create_dns_zone_record').title).toBe('Create a record in a zone');
    expect(byName('list_servers').description).toMatch(/^List all servers\n\n/);
  });

  it('gives every tool input and output schemas that are valid JSON Schema 2020-12, rooted at an object', () => {
    for (const tool of tools) {
      for (const schema of [tool.inputSchema, tool.outputSchema].filter(Boolean) as JsonObject[]) {
        expect(ajv.validateSchema(schema), `${tool.name}: ${ajv.errorsText(ajv.errors)}`).toBe(true);
        expect(() => ajv.compile(schema), tool.name).not.toThrow();
        expect(schema.type).toBe('object');
      }
    }
    // No output schema exactly where the operation answers 204.
    const noBody = operations.filter((o) => o.noContent).map((o) => o.tool);
    expect(tools.filter((t) => !t.outputSchema).map((t) => t.name)).toEqual(noBody);
  });

  it('shows the record union in the input schema: an MX record needs a priority', () => {
    const validate = ajv.compile(byName('create_dns_zone_record').inputSchema);
    const mx = { record_type: 'MX', name: '@', value: 'mail.example.com' };
    expect(validate({ uuid: 'z-1', body: mx })).toBe(false);
    expect(validate({ uuid: 'z-1', body: { ...mx, priority: 10 } })).toBe(true);
    expect(validate({ uuid: 'z-1', body: { record_type: 'A', name: 'www', value: '192.0.2.1' } })).toBe(true);
  });

  it('annotates reads, writes and destructive calls from the operation', () => {
    const hints = (name: string) => byName(name).annotations;
    expect(hints('list_servers')).toMatchObject({ readOnlyHint: true, openWorldHint: true, title: 'List all servers' });
    expect(hints('create_server')).toMatchObject({ readOnlyHint: false, destructiveHint: false, idempotentHint: false });
    expect(hints('update_dns_record')).toMatchObject({ readOnlyHint: false, destructiveHint: false, idempotentHint: true });
    for (const name of ['delete_server', 'delete_dns_zone', 'delete_dns_record', 'stop_server', 'reboot_server', 'dns_apply']) {
      expect(hints(name), name).toMatchObject({ readOnlyHint: false, destructiveHint: true, openWorldHint: true });
    }
    for (const name of ['wait_for_server', 'dns_export', 'dns_plan']) expect(hints(name), name).toMatchObject({ readOnlyHint: true });
  });

  it('calls every tool, each result valid against its output schema', async () => {
    const called = new Set<string>();
    const call = async (name: string, args: JsonObject) => {
      called.add(name);
      return ok(name, args);
    };
    const body = (tool: string) => operations.find((o) => o.tool === tool)!.example.body as JsonObject;

    const zone = (await call('create_dns_zone', { body: { domain: `mcp-${kind}.example` } }))!;
    const uuid = zone.uuid as string;
    expect(await call('list_dns_zones', { domain: `mcp-${kind}.example` })).toMatchObject({ results: [{ uuid }] });
    expect(await call('get_dns_zone', { uuid })).toMatchObject({ uuid, domain: `mcp-${kind}.example` });
    const record = (await call('create_dns_zone_record', { uuid, body: { record_type: 'MX', name: '@', value: 'mail.example.com', priority: 10 } }))!;
    expect(record).toMatchObject({ record_type: 'MX', priority: 10 });
    expect(await call('list_dns_zone_records', { uuid })).toMatchObject({ results: [{ uuid: record.uuid }] });
    expect(await call('list_dns_records', { zone: uuid, record_type: 'MX' })).toMatchObject({ results: [{ uuid: record.uuid }] });
    expect(await call('get_dns_record', { uuid: record.uuid })).toMatchObject({ value: 'mail.example.com' });
    expect(await call('update_dns_record', { uuid: record.uuid, body: body('update_dns_record') })).toMatchObject({ priority: 20 });
    expect(await call('patch_dns_record', { uuid: record.uuid, body: { ttl: 1800 } })).toMatchObject({ ttl: 1800 });
    const exported = (await call('dns_export', { zone: uuid }))!;
    expect(exported).toMatchObject({ records: 1, zone_file: expect.stringContaining('MX\t20 mail.example.com.') });
    const planned = (await call('dns_plan', { zone: `mcp-${kind}.example`, zone_file: `${exported.zone_file as string}www A 192.0.2.7\n` }))!;
    expect(planned.summary).toBe('Plan: 1 to add, 0 to change, 0 to delete.');
    expect(await call('dns_apply', { plan_id: planned.plan_id })).toMatchObject({ applied: { add: 1, change: 0, delete: 0 } });
    expect(await call('delete_dns_record', { uuid: record.uuid })).toBeUndefined();
    expect(await call('delete_dns_zone', { uuid })).toBeUndefined();

    const created = (await call('create_server', { body: body('create_server') }))!;
    const id = created.id as number;
    expect(await call('wait_for_server', { server_id: id, status: 'active', interval_seconds: 0.05, timeout_seconds: 120 })).toMatchObject({ id, status: 'active' });
    expect(await call('list_servers', {})).toMatchObject({ count: 1, results: [{ id }] });
    expect(await call('get_server', { server_id: id })).toMatchObject({ id, status: 'active' });
    expect(await call('update_server', { server_id: id, body: body('update_server') })).toMatchObject({ name: 'web-server-updated' });
    expect(await call('patch_server', { server_id: id, body: { name: 'renamed' } })).toMatchObject({ name: 'renamed' });
    expect(await call('stop_server', { server_id: id })).toBeDefined();
    await call('wait_for_server', { server_id: id, status: 'stopped', interval_seconds: 0.05, timeout_seconds: 120 });
    expect(await call('start_server', { server_id: id })).toBeDefined();
    await call('wait_for_server', { server_id: id, status: 'active', interval_seconds: 0.05, timeout_seconds: 120 });
    expect(await call('reboot_server', { server_id: id })).toBeDefined();
    await call('wait_for_server', { server_id: id, status: 'active', interval_seconds: 0.05, timeout_seconds: 120 });
    expect(await call('delete_server', { server_id: id })).toBeUndefined();

    expect([...called].sort()).toEqual(tools.map((t) => t.name).sort());
    expect(mock.violations).toEqual([]);
  });

  it('reports progress while waiting for a server', async () => {
    const created = (await ok('create_server', { body: { name: `progress-${kind}`, plan_id: 1, os_id: 5, location: 'us-west' } }))!;
    // The server is held in provisioning until the first notification has arrived, then let through: the test
    // follows the events, whatever the machine's speed.
    const setStatus = async (status: string) => {
      const answer = await fetch(`${mock.url}/_mock/servers/${String(created.id)}/status`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ status }),
      });
      expect(answer.status).toBe(200);
    };
    await setStatus('provisioning');
    const progress: Array<{ progress: number; message?: string }> = [];
    let notified!: () => void;
    const firstNotice = new Promise<void>((resolve) => (notified = resolve));
    const waiting = mcp.client.callTool(
      { name: 'wait_for_server', arguments: { server_id: created.id, status: 'active', interval_seconds: 0.05, timeout_seconds: 600 } },
      undefined,
      { onprogress: (p) => (progress.push(p), notified()), timeout: 600_000 },
    );
    await firstNotice;
    await setStatus('active');
    const result = await waiting;
    expect(result.isError).toBeFalsy();
    expect(progress[0]).toMatchObject({ progress: 1, message: expect.stringMatching(new RegExp(`^server ${String(created.id)} is provisioning after [0-9.]+s \\(waiting for active\\)$`)) });
    // The SDK's client drops a notification that lands together with the answer, so the last may be missing.
    expect(progress.map((p) => p.progress)).toEqual(progress.map((_, i) => i + 1));
    expect((result.structuredContent as JsonObject).status).toBe('active');
  });

  it('answers a 404 as an isError result with the API’s detail and error code', async () => {
    const text = await failure('get_server', { server_id: 987654 });
    expect(text).toMatch(/^404 /);
    const facts = JSON.parse(text.split('\n').at(-1)!) as JsonObject;
    expect(facts).toMatchObject({ status: 404, detail: expect.any(String) });
  });

  it('answers a 400 as an isError result naming the field', async () => {
    // Valid for the schema, refused by the API: the zone exists already.
    const domain = `twice-${kind}.example`;
    await ok('create_dns_zone', { body: { domain } });
    const text = await failure('create_dns_zone', { body: { domain } });
    expect(text).toMatch(/^400 .*A zone for this domain already exists/);
    const facts = JSON.parse(text.split('\n').at(-1)!) as JsonObject;
    expect(facts).toMatchObject({ status: 400, error_code: 'validation_error', field: 'domain' });
  });

  it('refuses arguments the input schema refuses, naming the field, before anything is sent', async () => {
    const before = mock.violations.length;
    expect(await failure('create_dns_zone_record', { uuid: 'z-1', body: { record_type: 'MX', name: '@', value: 'mail.example.com' } })).toBe(
      'Invalid arguments for create_dns_zone_record: body.priority is required. Nothing was sent.',
    );
    expect(await failure('get_server', { server_id: 'twelve' })).toMatch(/server_id must be integer/);
    expect(await failure('list_servers', { colour: 'red' })).toMatch(/colour is not a field this tool takes/);
    expect(await failure('nope', {})).toMatch(/No tool named nope/);
    expect(mock.violations.length).toBe(before);
  });

  it('never lets the token out, in any byte the server wrote or answered', async () => {
    const output = mcp.output();
    expect(output.length).toBeGreaterThan(10_000);
    for (const form of [token, JSON.stringify(token).slice(1, -1), Buffer.from(token).toString('base64'), encodeURIComponent(token)]) {
      expect(output).not.toContain(form);
    }
    expect(output).not.toContain('Zq9secret');
  });
});
