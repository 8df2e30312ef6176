// Every publishable package, packed and installed with npm into fresh projects outside the monorepo, used the way
// its README says: the mock started by the README's CI recipe from its own tarball, the client from ESM, CommonJS
// and TypeScript (nodenext and bundler) against it, the CLI against it, the MCP server driven by the MCP SDK's own
// client (as its bin, through the README's `npx` configurations, and on Node 22), and the recipe's `kill` leaving
// nothing.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { listOperations } from '@vps-org/openapi';
import { eventually } from '@vps-org/testkit';
import { freePort, isListening, processesWithEnv } from '@vps-org/testkit/processes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packAll, packageDir, PUBLISHED, tarballFile, tarballFiles, type Published } from './support/pack.js';
import { createProject, type Project } from './support/project.js';
import { runRecipe, type RecipeRun } from './support/recipe.js';
import { CATCH_404, expectedFaults, faultProgram, JEST_TEST, TS_PROGRAM } from './support/client-programs.js';
import { startFaultServer, type FaultServer } from './support/fault-server.js';
import { startMcp, type McpSession } from './support/mcp-session.js';

const run = promisify(execFile);
const root = mkdtempSync(join(tmpdir(), 'vps-install-'));
const marker = `install-${process.pid}`;
let tarballs: Record<Published, string>;
let mockProject: Project;
let mock: RecipeRun;
const version = (name: string): string => JSON.parse(readFileSync(join(packageDir(name), 'package.json'), 'utf8')).version;
const dep = (name: Published) => `file:${tarballs[name]}`;
const env = () => ({ VPS_BASE_URL: mock.url, VPS_API_TOKEN: 'vps_install_test' });

/** A server entry of an MCP client's configuration file. */
interface ServerConfig {
  command: string;
  args: string[];
  env: Record<string, string>;
}

const CLIENT_PROGRAM = `
  const vps = createVpsClient({ token: process.env.VPS_API_TOKEN, baseUrl: process.env.VPS_BASE_URL });
  const page = await vps.servers.list();
${CATCH_404}
  console.log(JSON.stringify({ count: page.count, notFound }));
`;

beforeAll(async () => {
  tarballs = packAll(root);
  // The mock alone: it must install with nothing but its own tarball (the spec it serves is inside it).
  mockProject = await createProject(join(root, 'mock'), {
    'package.json': { name: 'mock-user', private: true, dependencies: { '@vps-org/mock': dep('@vps-org/mock') } },
  });
  mock = await runRecipe(mockProject.dir, await freePort(), marker);
});

afterAll(async () => {
  await mock?.finish();
  rmSync(root, { recursive: true, force: true });
});

describe('the tarballs', () => {
  it.each(PUBLISHED)('%s packs its build, README, LICENSE and CHANGELOG, and no test of ours', (name) => {
    const files = tarballFiles(tarballs[name]);
    expect(files).toContain('package.json');
    expect(files).toContain('README.md');
    expect(files).toContain('LICENSE');
    expect(files).toContain('CHANGELOG.md');
    expect(files.some((f) => f.startsWith('dist/') || f.startsWith('lib/'))).toBe(true);
    expect(files.filter((f) => /\.test\.|test-support|\.reports\//.test(f))).toEqual([]);
  });

  it.each(PUBLISHED)('%s depends only on public packages and on packages of this release', (name) => {
    const manifest = JSON.parse(tarballFile(tarballs[name], 'package.json')) as { dependencies?: Record<string, string> };
    for (const [dependency, range] of Object.entries(manifest.dependencies ?? {})) {
      expect(range, dependency).not.toMatch(/^(workspace|file|link):/);
      if (dependency.startsWith('@vps-org/')) expect(PUBLISHED, `${name} depends on ${dependency}`).toContain(dependency);
    }
  });

  it.each(PUBLISHED)('%s asks for a Node.js no older than its packages of ours ask for', (name) => {
    const manifest = (of: Published) => JSON.parse(tarballFile(tarballs[of], 'package.json')) as { engines?: { node?: string }; dependencies?: Record<string, string> };
    // `>=MAJOR[.MINOR]` as a number (20.19 -> 20.019, so that 20.9 < 20.19); no engines field asks for none.
    const lowest = (of: Published): number => {
      const range = manifest(of).engines?.node;
      if (range === undefined) return 0;
      const m = /^>=(\d+)(?:\.(\d+))?(?:\.\d+)?$/.exec(range);
      expect(m, `${of}: engines.node is >=MAJOR[.MINOR]`).not.toBeNull();
      return Number(m![1]) + Number(m![2] ?? 0) / 1000;
    };
    const ours = Object.keys(manifest(name).dependencies ?? {}).filter((d): d is Published => (PUBLISHED as readonly string[]).includes(d));
    for (const dependency of ours) expect(lowest(name), `${name} against ${dependency}`).toBeGreaterThanOrEqual(lowest(dependency));
  });

  it('the mock depends on no package of ours: it carries the spec it serves', () => {
    const manifest = JSON.parse(tarballFile(tarballs['@vps-org/mock'], 'package.json')) as { dependencies?: Record<string, string> };
    expect(Object.keys(manifest.dependencies ?? {}).filter((d) => d.startsWith('@vps-org/'))).toEqual([]);
    expect(tarballFiles(tarballs['@vps-org/mock'])).toEqual(expect.arrayContaining(['dist/openapi.yaml', 'dist/openapi.json']));
  });
});

describe('@vps-org/mock installed alone', () => {
  it('answers -h and --version', async () => {
    const help = await mockProject.exec('npx', ['vps-mock', '-h']);
    expect(help.stdout).toMatch(/Usage: vps-mock/);
    expect((await mockProject.exec('npx', ['vps-mock', '--version'])).stdout.trim()).toBe(version('@vps-org/mock'));
  });

  it("runs its README's recipe with the environment the client and CLI read", () => {
    expect(mock.testLine).toBe('VPS_BASE_URL=http://127.0.0.1:4010 VPS_API_TOKEN=vps_test npm test');
  });

  it('serves the API on the port the recipe gave it', async () => {
    const res = await fetch(`${mock.url}/api/v1/servers/`, { headers: { Authorization: 'Bearer vps_install_test' } });
    expect(res.status).toBe(200);
    expect(await res.json()).toHaveProperty('results');
  });
});

describe('@vps-org/client installed from its tarball', () => {
  it("runs the README's mock snippet as written, from ESM", async () => {
    const project = await createProject(join(root, 'esm'), {
      'package.json': { name: 'esm-user', private: true, type: 'module', dependencies: { '@vps-org/client': dep('@vps-org/client') } },
    });
    const readme = readFileSync(join(project.dir, 'node_modules/@vps-org/client/README.md'), 'utf8');
    const snippet = /```ts\n([\s\S]*?)```/.exec(readme.slice(readme.indexOf('## With the mock')))?.[1];
    expect(snippet, 'a ts block under "## With the mock"').toBeDefined();
    writeFileSync(join(project.dir, 'main.js'), snippet!);
    const { stdout } = await project.exec('node', ['main.js'], { env: env() });
    expect(JSON.parse(stdout)).toEqual({ count: expect.any(Number), status: 404 });
  });

  it("runs the repository README's example as written, against the mock", async () => {
    const readme = readFileSync(fileURLToPath(new URL('../../../README.md', import.meta.url)), 'utf8');
    const example = /```ts\n(\/\/ example\.mjs[\s\S]*?)```/.exec(readme)?.[1];
    expect(example, 'the README example (// example.mjs)').toBeDefined();
    const dir = join(root, 'esm');
    writeFileSync(join(dir, 'example.mjs'), example!.replaceAll('http://127.0.0.1:4010', mock.url));
    const { stdout } = await run('node', ['example.mjs'], { cwd: dir });
    expect(stdout.trim().split('\n')).toEqual([expect.stringMatching(/^\d+ \[/), expect.any(String), expect.stringMatching(/^404 /)]);
  });

  it('requires from CommonJS', async () => {
    const project = await createProject(join(root, 'cjs'), {
      'package.json': { name: 'cjs-user', private: true, dependencies: { '@vps-org/client': dep('@vps-org/client') } },
      'main.js': `const { createVpsClient, NotFoundError, VpsError } = require('@vps-org/client');\n(async () => {${CLIENT_PROGRAM}})();`,
    });
    const { stdout } = await project.exec('node', ['main.js'], { env: env() });
    expect(JSON.parse(stdout)).toEqual({ count: expect.any(Number), notFound: 404 });
  });

  it.each([
    ['nodenext, CommonJS output', { module: 'nodenext', moduleResolution: 'nodenext' }, undefined],
    ['nodenext, ESM output', { module: 'nodenext', moduleResolution: 'nodenext' }, 'module'],
    ['bundler', { module: 'esnext', moduleResolution: 'bundler' }, 'module'],
  ] as const)('compiles and runs from TypeScript (%s), refusing a wrong call', async (label, moduleOptions, type) => {
    const project = await createProject(join(root, `ts-${label.replace(/\W+/g, '-')}`), {
      'package.json': {
        name: 'ts-user',
        private: true,
        ...(type && { type }),
        dependencies: { '@vps-org/client': dep('@vps-org/client') },
        devDependencies: { typescript: '~5.9.3', '@types/node': '^20.19.0' },
      },
      'tsconfig.json': {
        compilerOptions: { target: 'es2022', strict: true, outDir: 'out', types: ['node'], lib: ['es2022', 'dom'], ...moduleOptions },
        include: ['main.ts'],
      },
      'main.ts': [
        "import { createVpsClient, NotFoundError, VpsError } from '@vps-org/client';",
        'async function main(): Promise<void> {',
        CLIENT_PROGRAM.replace('process.env.VPS_API_TOKEN', 'process.env.VPS_API_TOKEN!'),
        '  // @ts-expect-error a server id is a number',
        "  void (() => vps.servers.get('12345'));",
        '}',
        'void main();',
      ].join('\n'),
    });
    await project.exec('npx', ['tsc', '-p', '.']);
    const { stdout } = await project.exec('node', ['out/main.js'], { env: env() });
    expect(JSON.parse(stdout)).toEqual({ count: expect.any(Number), notFound: 404 });
  });
});

describe('@vps-org/client in every setup teams have', () => {
  let faults: FaultServer;
  let runtimes: Project;
  beforeAll(async () => {
    faults = await startFaultServer();
    // Bun and Deno from their npm packages, which ship the binaries.
    runtimes = await createProject(join(root, 'runtimes'), {
      'package.json': { name: 'runtimes-user', private: true, type: 'module', dependencies: { '@vps-org/client': dep('@vps-org/client') }, devDependencies: { bun: '^1.2.0', deno: '^2.1.0' } },
      'faults.mjs': faultProgram(faults.url, faults.refusedUrl),
    });
  });
  afterAll(() => faults?.close());

  // The binaries run directly: npx would take their flags (`--allow-net`) as its own.
  const bin = (name: string) => join(runtimes.dir, 'node_modules/.bin', name);
  const runtimeCommands = {
    node: ['node', ['faults.mjs']],
    bun: ['bun', ['faults.mjs']],
    deno: ['deno', ['run', '--allow-net', 'faults.mjs']],
  } as const;

  it.each(['node', 'bun', 'deno'] as const)('runs the fault paths on %s: typed errors, retries, no token in any of them', async (runtime) => {
    faults.hits.clear();
    const [command, args] = runtimeCommands[runtime];
    const { stdout } = await runtimes.exec(command === 'node' ? command : bin(command), [...args]);
    expect(JSON.parse(stdout.trim().split('\n').at(-1)!)).toEqual(expectedFaults(runtime));
    expect(faults.hits.get('GET /api/v1/servers/503/')).toBe(3); // a GET retried twice
    expect(faults.hits.get('POST /api/v1/servers/7/start/')).toBe(1); // a POST never
  });

  it.each([
    ['bun', ['example.mjs']],
    ['deno', ['run', '--allow-net', 'example.mjs']],
  ] as const)("runs the repository README's example on %s, against the mock", async (runtime, args) => {
    const readme = readFileSync(fileURLToPath(new URL('../../../README.md', import.meta.url)), 'utf8');
    const example = /```ts\n(\/\/ example\.mjs[\s\S]*?)```/.exec(readme)?.[1];
    writeFileSync(join(runtimes.dir, 'example.mjs'), example!.replaceAll('http://127.0.0.1:4010', mock.url));
    const { stdout } = await runtimes.exec(bin(runtime), [...args]);
    expect(stdout.trim().split('\n')).toEqual([expect.stringMatching(/^\d+ \[/), expect.any(String), expect.stringMatching(/^404 /)]);
  });

  it.each(['29', '30'])('works under Jest %s, which loads it through require()', async (major) => {
    const project = await createProject(join(root, `jest-${major}`), {
      'package.json': {
        name: `jest${major}-user`,
        private: true,
        scripts: { test: 'jest' },
        dependencies: { '@vps-org/client': dep('@vps-org/client') },
        devDependencies: { jest: `^${major}.0.0` },
      },
      'client.test.js': JEST_TEST,
    });
    const jest = join(project.dir, 'node_modules/.bin/jest');
    const { stdout, stderr } = await project.exec(jest, ['--ci'], { env: env() });
    expect(`${stdout}${stderr}`).toMatch(/Tests:\s+1 passed, 1 total/);
    expect((await project.exec(jest, ['--version'])).stdout.trim()).toMatch(new RegExp(`^${major}\\.`));
  });

  // One project, one install, a tsconfig per setup.
  const TS_SETUPS = {
    node16: { module: 'node16', moduleResolution: 'node16', lib: ['es2022', 'dom'] },
    es2021: { module: 'node16', moduleResolution: 'node16', lib: ['es2021', 'dom'] },
    exact: { module: 'nodenext', moduleResolution: 'nodenext', lib: ['es2022', 'dom'], exactOptionalPropertyTypes: true },
  } as const;
  let tsProject: Promise<Project> | undefined;
  const typescriptProject = () =>
    (tsProject ??= createProject(join(root, 'ts-setups'), {
      'package.json': {
        name: 'ts-setups-user',
        private: true,
        dependencies: { '@vps-org/client': dep('@vps-org/client') },
        devDependencies: { typescript: '~5.9.3', '@types/node': '^20.19.0' },
      },
      'main.ts': TS_PROGRAM,
      ...Object.fromEntries(
        Object.entries(TS_SETUPS).map(([name, options]) => [
          `tsconfig.${name}.json`,
          {
            compilerOptions: { target: 'es2021', strict: true, outDir: `out-${name}`, types: ['node'], skipLibCheck: false, ...options },
            include: ['main.ts'],
          },
        ]),
      ),
    }));

  it.each([
    ['module: node16 in a CommonJS project', 'node16'],
    ['lib: es2021, without skipLibCheck', 'es2021'],
    ['exactOptionalPropertyTypes', 'exact'],
  ] as const)('compiles and runs from TypeScript (%s)', async (_label, setup) => {
    const project = await typescriptProject();
    await project.exec('npx', ['tsc', '-p', `tsconfig.${setup}.json`]);
    const { stdout } = await project.exec('node', [`out-${setup}/main.js`], { env: env() });
    expect(JSON.parse(stdout)).toEqual({ count: expect.any(Number), notFound: 404, requestId: expect.any(String) });
  });
});

describe('@vps-org/cli installed from its tarball', () => {
  it('runs `vps` against the mock', async () => {
    const project = await createProject(join(root, 'cli'), {
      'package.json': {
        name: 'cli-user',
        private: true,
        dependencies: {
          '@vps-org/cli': dep('@vps-org/cli'),
          '@vps-org/client': dep('@vps-org/client'),
          '@vps-org/dns': dep('@vps-org/dns'),
          '@vps-org/openapi': dep('@vps-org/openapi'),
        },
      },
    });
    expect((await project.exec('npx', ['vps', '--version'])).stdout.trim()).toBe(version('@vps-org/cli'));
    const { stdout } = await project.exec('npx', ['vps', 'servers', 'list', '--json'], { env: env() });
    expect(JSON.parse(stdout)).toHaveProperty('results');
  });
});

describe('@vps-org/mcp installed from its tarball', () => {
  // The fake server keeps nothing, so any token works; this one is easy to spot in an echo, in any encoding.
  const token = `vps_mcp_install_${process.pid}_Zq9secret`;
  const TOOLS = [...listOperations().map((o) => o.tool), 'wait_for_server', 'dns_export', 'dns_plan', 'dns_apply'];
  let project: Project;
  let sessions = 0;
  const vpsMcp = () => join(project.dir, 'node_modules/.bin/vps-mcp');
  const session = (command: string, args: string[], extra: Record<string, string> = {}) =>
    startMcp({
      cwd: project.dir,
      command,
      args,
      env: { VPS_API_TOKEN: token, VPS_BASE_URL: mock.url, ...extra },
      stdoutFile: join(root, `mcp-stdout-${++sessions}.txt`),
    });
  // npx may only run what the project installed: offline, it can fetch no package of that name from the registry.
  const OFFLINE = { npm_config_offline: 'true' };

  /** The mock's own answer to a GET, for comparing with what a tool returned. */
  const mockAnswer = async (path: string): Promise<unknown> =>
    (await fetch(`${mock.url}${path}`, { headers: { Authorization: 'Bearer vps_install_test' } })).json();

  async function structured(mcp: McpSession, name: string, args: Record<string, unknown>): Promise<Record<string, unknown>> {
    const result = (await mcp.client.callTool({ name, arguments: args })) as CallToolResult;
    expect(result.isError, `${name}: ${JSON.stringify(result.content)}`).toBeFalsy();
    expect(result.structuredContent, name).toBeDefined();
    return result.structuredContent!;
  }

  function expectNoToken(output: string): void {
    expect(output.length).toBeGreaterThan(10_000); // the tool list at least: the output was recorded
    for (const form of [token, JSON.stringify(token).slice(1, -1), Buffer.from(token).toString('base64'), encodeURIComponent(token), 'Zq9secret']) {
      expect(output).not.toContain(form);
    }
  }

  beforeAll(async () => {
    project = await createProject(join(root, 'mcp'), {
      'package.json': {
        name: 'mcp-user',
        private: true,
        dependencies: {
          '@vps-org/mcp': dep('@vps-org/mcp'),
          '@vps-org/client': dep('@vps-org/client'),
          '@vps-org/dns': dep('@vps-org/dns'),
          '@vps-org/openapi': dep('@vps-org/openapi'),
        },
      },
    });
  });

  it('installs without its devDependencies, and carries no path of the monorepo', () => {
    const installed = join(project.dir, 'node_modules/@vps-org/mcp');
    const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as { devDependencies?: Record<string, string> };
    for (const dev of Object.keys(manifest.devDependencies ?? {})) expect(existsSync(join(project.dir, 'node_modules', dev)), dev).toBe(false);
    const monorepo = fileURLToPath(new URL('../../../', import.meta.url));
    const files = readdirSync(installed, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(join(installed, f)).isFile());
    expect(files.filter((f) => readFileSync(join(installed, f), 'utf8').includes(monorepo))).toEqual([]);
    expect(readFileSync(join(installed, 'dist/bin/vps-mcp.js'), 'utf8')).toMatch(/^#!\/usr\/bin\/env node\n/);
  });

  it('answers --version with its version, run as its bin and as `npx -y @vps-org/mcp`', async () => {
    expect((await project.exec(vpsMcp(), ['--version'])).stdout).toBe(`${version('@vps-org/mcp')}\n`);
    expect((await project.exec('npx', ['-y', '@vps-org/mcp', '--version'], { env: OFFLINE })).stdout).toBe(`${version('@vps-org/mcp')}\n`);
  });

  it("runs the README's library snippet from ESM, and require()s from CommonJS", async () => {
    const readme = readFileSync(join(project.dir, 'node_modules/@vps-org/mcp/README.md'), 'utf8');
    const snippet = /```ts\n(\/\/ serve\.mjs[\s\S]*?)```/.exec(readme)?.[1];
    expect(snippet, 'the library snippet (// serve.mjs)').toBeDefined();
    writeFileSync(join(project.dir, 'serve.mjs'), snippet!);
    const served = /^(\d+) http:\/\/127\.0\.0\.1:\d+\/mcp\n$/.exec((await project.exec('node', ['serve.mjs'], { env: { VPS_API_TOKEN: token } })).stdout);
    expect(served).not.toBeNull();
    const required = await project.exec('node', ['-e', "console.log(require('@vps-org/mcp').createApp({ readOnly: true }).tools.length)"]);
    expect(required.stdout.trim()).toBe(served![1]);
    expect(Number(served![1])).toBeLessThan(TOOLS.length);
  });

  it("lists a tool per operation plus the wait and DNS tools to the SDK's client, and answers from the mock", async () => {
    const mcp = await session(vpsMcp(), []);
    try {
      expect((await mcp.client.listTools()).tools.map((t) => t.name)).toEqual(TOOLS);
      const page = await structured(mcp, 'list_servers', {});
      expect(page).toEqual(await mockAnswer('/api/v1/servers/'));
      const id = (page.results as Array<{ id: number }>)[0]!.id;
      expect(await structured(mcp, 'get_server', { server_id: id })).toEqual(await mockAnswer(`/api/v1/servers/${id}/`));
    } finally {
      await mcp.close();
    }
    expectNoToken(mcp.output());
  });

  it.each(['claude-desktop', 'cursor', 'vscode'])("starts as the README's %s configuration says (npx -y @vps-org/mcp)", async (tag) => {
    const readme = readFileSync(join(project.dir, 'node_modules/@vps-org/mcp/README.md'), 'utf8');
    const block = new RegExp(`^\`\`\`json ${tag}\\n([\\s\\S]*?)^\`\`\`$`, 'm').exec(readme)?.[1];
    expect(block, `a \`\`\`json ${tag} block`).toBeDefined();
    const config = JSON.parse(block!) as { mcpServers?: Record<string, ServerConfig>; servers?: Record<string, ServerConfig> };
    const server = (config.mcpServers ?? config.servers)!.vps!;
    expect(server.command).toBe('npx');
    expect(server.args.slice(0, 2)).toEqual(['-y', '@vps-org/mcp']);
    expect(Object.keys(server.env)).toEqual(['VPS_API_TOKEN']);
    const mcp = await session(server.command, server.args, OFFLINE);
    try {
      const { tools } = await mcp.client.listTools();
      if (tag === 'cursor') {
        // DNS without writes: the configuration's --tools and --read-only reached the server.
        expect(tools.map((t) => t.name)).toEqual(expect.arrayContaining(['list_dns_zones', 'dns_export', 'dns_plan']));
        expect(tools.filter((t) => !t.annotations?.readOnlyHint || !TOOLS.includes(t.name) || !/dns/.test(t.name))).toEqual([]);
      } else {
        expect(tools.map((t) => t.name)).toEqual(TOOLS);
      }
      // A bare list is not a structuredContent MCP allows: the tool answers it under `results`.
      expect(await structured(mcp, 'list_dns_zones', {})).toEqual({ results: await mockAnswer('/api/v1/dns-zones/') });
    } finally {
      await mcp.close();
    }
    expectNoToken(mcp.output());
  });

  it('runs on Node 22 too (the `node` npm package first on PATH, as `#!/usr/bin/env node` finds it)', async () => {
    const node22 = await createProject(join(root, 'node22'), {
      'package.json': { name: 'node22-user', private: true, devDependencies: { node: '^22.0.0' } },
    });
    const mcp = await session(vpsMcp(), [], { PATH: `${join(node22.dir, 'node_modules/.bin')}:${process.env.PATH ?? ''}` });
    try {
      const server = mcp.processes().filter((p) => p.cmdline.includes('vps-mcp') && !p.cmdline.startsWith('sh '));
      expect(server).toHaveLength(1);
      const runtime = readlinkSync(`/proc/${server[0]!.pid}/exe`);
      expect(runtime.startsWith(node22.dir)).toBe(true);
      expect((await run(runtime, ['--version'])).stdout).toMatch(/^v22\./);
      expect((await mcp.client.listTools()).tools.map((t) => t.name)).toEqual(TOOLS);
      expect(await structured(mcp, 'get_server', { server_id: 12345 })).toEqual(await mockAnswer('/api/v1/servers/12345/'));
    } finally {
      await mcp.close();
    }
    expectNoToken(mcp.output());
  });
});

describe("the README recipe's `kill \"$MOCK_PID\"`", () => {
  it('stops the mock and everything it started, and frees the port', async () => {
    expect(processesWithEnv('VPS_INSTALL_TEST', marker).some((p) => p.cmdline.includes('prism'))).toBe(true);
    expect(await mock.finish()).toBe(0);
    await eventually('every process of the mock has ended and its port is free', async () =>
      processesWithEnv('VPS_INSTALL_TEST', marker).length === 0 && !(await isListening('127.0.0.1', mock.port)));
    expect(processesWithEnv('VPS_INSTALL_TEST', marker).map((p) => p.cmdline)).toEqual([]);
    expect(await isListening('127.0.0.1', mock.port)).toBe(false);
  });
});
