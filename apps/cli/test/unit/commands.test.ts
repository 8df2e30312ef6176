import { createServer } from 'node:net';
import { getOperation, listOperations, loadSpec, namedExamples } from '@vps-org/openapi';
import { createVpsClient } from '@vps-org/client';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/run-cli.js';
import { runInProcess, tableFetch, TOKEN } from '../support/run-in-process.js';

const spec = loadSpec();
const example = (operationId: string, status: number): unknown => Object.values(namedExamples(spec, getOperation(operationId), status))[0];
const server = example('getServer', 200) as { id: number; name: string };

describe('a command per operation', () => {
  it('has every operation of the model as `vps <group> <command>`, each on a client method', () => {
    const program = buildProgram({ io: { env: {}, stdout: { write() {} }, stderr: { write() {} }, stdin: process.stdin }, exitCode: 0 });
    const vps = createVpsClient({ token: TOKEN }) as unknown as Record<string, Record<string, unknown>>;
    const ops = listOperations();
    expect(ops).toHaveLength(20);
    for (const op of ops) {
      const group = program.commands.find((c) => c.name() === op.cli.group);
      const command = group?.commands.find((c) => c.name() === op.cli.command);
      expect(command, `vps ${op.cli.group} ${op.cli.command}`).toBeDefined();
      expect(command!.registeredArguments.map((a) => a.name())).toEqual(op.pathParams.map((p) => p.flagName));
      expect(typeof vps[op.resource]?.[op.clientMethod], `${op.resource}.${op.clientMethod}`).toBe('function');
    }
  });

  it('gets a server: a table by default, the API JSON unchanged with --json, the token as a bearer', async () => {
    const api = tableFetch({ [`GET /api/v1/servers/${server.id}/`]: [200, server] });
    const human = await runInProcess(['servers', 'get', String(server.id)], { fetch: api.fetch });
    expect(human).toMatchObject({ code: 0, stderr: '' });
    expect(human.stdout).toMatch(new RegExp(`^name\\s+${server.name}$`, 'm'));
    const json = await runInProcess(['servers', 'get', String(server.id), '--json'], { fetch: api.fetch });
    expect(JSON.parse(json.stdout)).toEqual(server);
    expect(api.requests[0]?.auth).toBe(`Bearer ${TOKEN}`);
  });

  it('sends query flags and body flags under their API names, with typed values', async () => {
    const page = example('listServers', 200);
    const created = example('createServer', 201);
    const api = tableFetch({ 'GET /api/v1/servers/': [200, page], 'POST /api/v1/servers/': [201, created] });
    const list = await runInProcess(['servers', 'list', '--status', 'active', '--location', 'us-west', '--json'], { fetch: api.fetch });
    expect(list.code).toBe(0);
    expect(api.requests[0]?.path).toBe('/api/v1/servers/?status=active&location=us-west');
    const create = await runInProcess(
      ['servers', 'create', '--name', 'web-02', '--plan-id', '1', '--os-id', '5', '--location', 'us-west', '--backups-enabled', '--json'],
      { fetch: api.fetch },
    );
    expect(create.code).toBe(0);
    expect(JSON.parse(api.requests[1]!.body)).toEqual({ name: 'web-02', plan_id: 1, os_id: 5, location: 'us-west', backups_enabled: true });
    expect(JSON.parse(create.stdout)).toEqual(created);
  });

  it('takes --token and --base-url over the environment', async () => {
    const api = tableFetch({ [`GET /api/v1/servers/${server.id}/`]: [200, server] });
    const env = { VPS_API_TOKEN: 'vps_from_the_environment', VPS_BASE_URL: 'http://env.invalid' };
    const run = await runInProcess(['servers', 'get', String(server.id), '--token', TOKEN, '--base-url', 'http://flag.invalid', '--debug'], {
      env,
      fetch: api.fetch,
    });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`debug: GET http://flag.invalid/api/v1/servers/${server.id}/\n`);
    expect(api.requests[0]?.auth).toBe(`Bearer ${TOKEN}`);
  });

  it('takes a zone domain where the API wants a zone uuid', async () => {
    const zones = example('listDnsZones', 200) as Array<{ uuid: string; domain: string }>;
    const zone = zones[0]!;
    const records = example('listDnsZoneRecords', 200);
    const api = tableFetch({
      [`GET /api/v1/dns-zones/?domain=${zone.domain}`]: [200, zones],
      [`GET /api/v1/dns-zones/${zone.uuid}/records/`]: [200, records],
    });
    const run = await runInProcess(['dns-zones', 'list-records', zone.domain, '--json'], { fetch: api.fetch });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(records);
  });
});

describe('errors: one line on stderr, never the token', () => {
  it('a missing token: exit 1', async () => {
    const run = await runInProcess(['servers', 'list'], { env: {} });
    expect(run).toEqual({ code: 1, stdout: '', stderr: expect.stringMatching(/^error: no API token: set VPS_API_TOKEN or pass --token .*\n$/) });
  });

  it('a 401: exit 1, naming the cause, without the token', async () => {
    const api = tableFetch({ 'GET /api/v1/servers/': [401, { detail: `Invalid token ${TOKEN}` }] });
    const run = await runInProcess(['servers', 'list'], { fetch: api.fetch });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: the API refused the token \(401\b.*Invalid token \[redacted\].*\); check VPS_API_TOKEN or --token\n$/);
    expect(run.stderr).not.toContain(TOKEN);
  });

  it('an unreachable server: exit 1, one line; a stack only with --debug', async () => {
    const port = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
    const env = { VPS_API_TOKEN: TOKEN, VPS_BASE_URL: `http://127.0.0.1:${port}` };
    const run = await runInProcess(['servers', 'get', '1'], { env });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: Could not reach the VPS\.org API \(GET \/api\/v1\/servers\/1\/\): .*ECONNREFUSED.*\n$/);
    const debug = await runInProcess(['servers', 'get', '1', '--debug', '--token', TOKEN], { env: { VPS_BASE_URL: env.VPS_BASE_URL } });
    expect(debug.code).toBe(1);
    expect(debug.stderr).toMatch(/^debug: GET http:\/\/127\.0\.0\.1:\d+\/api\/v1\/servers\/1\/\n/);
    expect(debug.stderr).toMatch(/\n\s+at /);
    expect(debug.stderr).not.toContain(TOKEN);
  });

  it('a zone that does not exist: exit 1', async () => {
    const api = tableFetch({ 'GET /api/v1/dns-zones/?domain=nosuch.example': [200, []] });
    const run = await runInProcess(['dns', 'export', 'nosuch.example'], { fetch: api.fetch });
    expect(run).toEqual({ code: 1, stdout: '', stderr: expect.stringMatching(/^error: no DNS zone nosuch\.example in this account/) });
    const byUuid = await runInProcess(['dns', 'export', 'no-such-uuid'], { fetch: api.fetch });
    expect(byUuid.stderr).toBe('error: no DNS zone with uuid no-such-uuid in this account\n');
  });

  it.each([
    [['servers', 'get', 'abc'], /"abc" is not a whole number/, 'Usage: vps servers get [options] <server-id>'],
    [['servers', 'get'], /missing required argument 'server-id'/, 'Usage: vps servers get [options] <server-id>'],
    [['servers', 'list', '--status', 'nope'], /Allowed choices are active, stopped, suspended/, 'Usage: vps servers list [options]'],
    [['servers', 'create', '--name', 'x'], /servers create needs --plan-id, --os-id, --location/, 'Usage: vps servers create [options]'],
    [['servers', 'frobnicate'], /unknown command 'frobnicate'/, 'Usage: vps servers [options] [command]'],
    [['dns', 'plan', 'example.com'], /missing required argument 'file'/, 'Usage: vps dns plan [options] <zone> <file>'],
    [['dns', 'apply', 'example.com', 'z', '--concurrency', '0'], /--concurrency must be at least 1/, 'Usage: vps dns apply [options] <zone> [file]'],
    [['dns', 'apply', 'example.com', 'z', '--concurrency', 'many'], /"many" is not a whole number/, 'Usage: vps dns apply [options] <zone> [file]'],
    [['dns', 'apply', 'example.com'], /give either FILE or --plan plan\.json/, 'Usage: vps dns apply [options] <zone> [file]'],
    [['dns', 'plan', 'example.com', 'z', '--max-delete-ratio', '2'], /"2" is not a ratio from 0 to 1/, 'Usage: vps dns plan [options] <zone> <file>'],
    [['dns', 'plan', 'example.com', 'z', '--ignore', 'a:b:c'], /ignore rule "a:b:c" is not NAME or NAME:TYPE/, 'Usage: vps dns plan [options] <zone> <file>'],
  ])('usage error %j: exit 2 with the usage line', async (argv, message, usage) => {
    const run = await runInProcess(argv);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trimEnd().split('\n').at(-1)).toBe(usage);
  });

  it.each([
    [['dns', 'plan', 'example.com', 'z.zone', '--detailed-exitcode', '--no-such-flag']],
    [['dns', 'plan', 'example.com', '--detailed-exitcode']],
    [['dns', 'plan', 'example.com', 'z.zone', '--detailed-exitcode', '--max-delete-ratio', 'x']],
    [['dns', 'plan', 'example.com', '/nonexistent/z.zone', '--detailed-exitcode']],
  ])('with --detailed-exitcode, %j exits 1: 2 means changes and nothing else', async (argv) => {
    const run = await runInProcess(argv);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/error/);
  });

  it("lists each group with its tag's description from the spec", async () => {
    const help = (await runInProcess(['--help'])).stdout.replace(/\s+/g, ' ');
    const groups = new Map(listOperations().map((op) => [op.cli.group, op.tagDescription]));
    expect(groups.size).toBe(3);
    for (const [group, description] of groups) {
      expect(description).toBeTruthy();
      expect(help).toContain(` ${group} ${String(description).replace(/\s+/g, ' ')}`);
    }
  });

  it('help and the version are not errors', async () => {
    const run = await runInProcess(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: vps \[options\] \[command\]/);
    const version = await runInProcess(['--version']);
    expect(version).toEqual({ code: 0, stdout: '0.1.0\n', stderr: '' });
  });
});
