// What keeps an assistant from doing harm: --read-only, --tools, and the person's confirmation of destructive calls
// (through elicitation when the client offers it, else the one-time token round trip). Over stdio, against the
// stateful mock.
import { ElicitRequestSchema, type CallToolResult, type ElicitResult } from '@modelcontextprotocol/sdk/types.js';
import { startMock, type MockServer } from '@vps-org/mock';
import { listOperations, type JsonObject } from '@vps-org/openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runVpsMcp } from '../support/run-binary.js';
import { connect, type Connection } from '../support/connect.js';

const TOKEN = `vps_mcp_safety_${process.pid}`;
const operations = listOperations();
let mock: MockServer;
let env: Record<string, string>;

beforeAll(async () => {
  mock = await startMock({ stateful: true, transitionMs: 100 });
  env = { VPS_API_TOKEN: TOKEN, VPS_BASE_URL: mock.url };
});

afterAll(async () => {
  await mock?.stop();
});

const text = (result: CallToolResult): string => (result.content as Array<{ text: string }>).map((c) => c.text).join('\n');

async function withServer<T>(args: string[], use: (mcp: Connection) => Promise<T>, options?: Parameters<typeof connect>[3]): Promise<T> {
  const mcp = await connect('stdio', args, env, options);
  try {
    return await use(mcp);
  } finally {
    await mcp.close();
  }
}

async function names(args: string[]): Promise<string[]> {
  return withServer(args, async (mcp) => (await mcp.client.listTools()).tools.map((t) => t.name));
}

describe('choosing the tools', () => {
  it('--read-only offers the reads, the wait, the DNS export and plan, nothing that writes', async () => {
    const reads = operations.filter((o) => o.method === 'GET').map((o) => o.tool);
    expect(await names(['--read-only'])).toEqual([...reads, 'wait_for_server', 'dns_export', 'dns_plan']);
  });

  it('--tools offers the groups named, and combines with --read-only', async () => {
    const zones = operations.filter((o) => o.cli.group === 'dns-zones').map((o) => o.tool);
    expect(await names(['--tools', 'dns-zones'])).toEqual(zones);
    expect(await names(['--tools', 'dns'])).toEqual(['dns_export', 'dns_plan', 'dns_apply']);
    expect(await names(['--tools', 'servers,dns-records', '--read-only'])).toEqual([
      'list_servers',
      'get_server',
      'list_dns_records',
      'get_dns_record',
      'wait_for_server',
    ]);
  });

  it('refuses an unknown group, naming the ones there are, with exit code 2', async () => {
    const run = await runVpsMcp(['--tools', 'servers,zones'], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--tools: no group zones; the groups are servers, dns-zones, dns-records, dns\n/);
    expect(run.stdout).toBe('');
  });
});

describe('confirming destructive calls', () => {
  async function newServer(mcp: Connection): Promise<number> {
    const result = await mcp.client.callTool({ name: 'create_server', arguments: { body: { name: 'doomed', plan_id: 1, os_id: 5, location: 'us-west' } } });
    return (result.structuredContent as JsonObject).id as number;
  }
  const exists = async (mcp: Connection, id: number) =>
    !(await mcp.client.callTool({ name: 'get_server', arguments: { server_id: id } })).isError;

  it('without elicitation: the first call says what it would do and gives a token; only the same call with it runs, once', async () => {
    await withServer([], async (mcp) => {
      const id = await newServer(mcp);
      const first = (await mcp.client.callTool({ name: 'delete_server', arguments: { server_id: id } })) as CallToolResult;
      expect(first.isError).toBe(true);
      expect(text(first)).toMatch(new RegExp(`^Not done yet: delete_server would Delete a server \\(DELETE /api/v1/servers/${id}/\\)\\. Ask the person`));
      const token = /"confirmation_token": "([^"]+)"/.exec(text(first))?.[1];
      expect(token).toBeDefined();
      expect(await exists(mcp, id)).toBe(true);

      // A token is for the call it was given for: another server's delete spends it without deleting anything.
      const other = await newServer(mcp);
      const wrong = (await mcp.client.callTool({ name: 'delete_server', arguments: { server_id: other, confirmation_token: token } })) as CallToolResult;
      expect(wrong.isError).toBe(true);
      expect(text(wrong)).toMatch(/not valid for this call/);
      expect(await exists(mcp, other)).toBe(true);

      const again = (await mcp.client.callTool({ name: 'delete_server', arguments: { server_id: id } })) as CallToolResult;
      const fresh = /"confirmation_token": "([^"]+)"/.exec(text(again))?.[1];
      const done = (await mcp.client.callTool({ name: 'delete_server', arguments: { server_id: id, confirmation_token: fresh } })) as CallToolResult;
      expect(done.isError, text(done)).toBeFalsy();
      expect(await exists(mcp, id)).toBe(false);

      const replay = (await mcp.client.callTool({ name: 'delete_server', arguments: { server_id: id, confirmation_token: fresh } })) as CallToolResult;
      expect(text(replay)).toMatch(/not valid for this call/);
    });
  });

  it('with elicitation: the person is asked, and a decline changes nothing', async () => {
    const asked: string[] = [];
    let answer: ElicitResult = { action: 'decline' };
    const options = { capabilities: { elicitation: { form: {} } } };
    await withServer(
      [],
      async (mcp) => {
        mcp.client.setRequestHandler(ElicitRequestSchema, (request) => {
          asked.push(request.params.message);
          return answer;
        });
        const id = await newServer(mcp);
        await mcp.client.callTool({ name: 'wait_for_server', arguments: { server_id: id, status: 'active', interval_seconds: 0.05 } });
        const declined = (await mcp.client.callTool({ name: 'stop_server', arguments: { server_id: id } })) as CallToolResult;
        expect(declined.isError).toBe(true);
        expect(text(declined)).toMatch(/the person did not confirm stop_server/);
        expect(asked).toEqual([`Allow stop_server: Stop a server (POST /api/v1/servers/${id}/stop/)? This cannot be undone.`]);
        const still = await mcp.client.callTool({ name: 'get_server', arguments: { server_id: id } });
        expect((still.structuredContent as JsonObject).status).toBe('active');

        answer = { action: 'accept', content: { confirm: true } };
        const stopped = (await mcp.client.callTool({ name: 'stop_server', arguments: { server_id: id } })) as CallToolResult;
        expect(stopped.isError, text(stopped)).toBeFalsy();
        expect((stopped.structuredContent as JsonObject).status).toBe('success');
        expect(asked).toHaveLength(2);
      },
      options,
    );
  });

  it('--no-confirm runs a destructive call at once, and offers no confirmation_token', async () => {
    await withServer(['--no-confirm'], async (mcp) => {
      const { tools } = await mcp.client.listTools();
      expect(tools.some((t) => Object.keys((t.inputSchema.properties ?? {}) as JsonObject).includes('confirmation_token'))).toBe(false);
      const id = await newServer(mcp);
      const done = await mcp.client.callTool({ name: 'delete_server', arguments: { server_id: id } });
      expect(done.isError).toBeFalsy();
      expect(await exists(mcp, id)).toBe(false);
    });
  });

  it('asks nothing before a call that is not destructive', async () => {
    await withServer([], async (mcp) => {
      const created = await mcp.client.callTool({ name: 'create_dns_zone', arguments: { body: { domain: 'safe.example' } } });
      expect(created.isError).toBeFalsy();
    });
  });
});

describe('configuration', () => {
  it('lists the tools without a token, and a call says which variable to set, without a stack', async () => {
    const mcp = await connect('stdio', [], { VPS_BASE_URL: mock.url });
    try {
      expect((await mcp.client.listTools()).tools.length).toBe(operations.length + 4);
      const result = (await mcp.client.callTool({ name: 'list_servers', arguments: {} })) as CallToolResult;
      expect(result.isError).toBe(true);
      expect(text(result)).toMatch(/^no API token: set VPS_API_TOKEN/);
    } finally {
      await mcp.close();
    }
  });

  it('prints its usage for --help on stdout, and refuses an unknown option with exit code 2', async () => {
    const help = await runVpsMcp(['--help'], {});
    expect(help).toMatchObject({ code: 0, stderr: '' });
    expect(help.stdout).toMatch(/^Usage: vps-mcp \[options\]/);
    const bad = await runVpsMcp(['--port', '1'], {});
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Unknown option '--port'/);
  });
});
