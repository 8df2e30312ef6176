// Every publishable package, packed and installed with npm into fresh projects outside the monorepo, used the way
// its README says: the mock started by the README's CI recipe from its own tarball, the client from ESM, CommonJS
// and TypeScript (nodenext and bundler) against it, the CLI against it, and the recipe's `kill` leaving nothing.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { eventually } from '@vps-org/testkit';
import { freePort, isListening, processesWithEnv } from '@vps-org/testkit/processes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packAll, packageDir, PUBLISHED, tarballFile, tarballFiles, type Published } from './support/pack.js';
import { createProject, type Project } from './support/project.js';
import { runRecipe, type RecipeRun } from './support/recipe.js';
import { CATCH_404, expectedFaults, faultProgram, JEST_TEST, TS_PROGRAM } from './support/client-programs.js';
import { startFaultServer, type FaultServer } from './support/fault-server.js';

const run = promisify(execFile);
const root = mkdtempSync(join(tmpdir(), 'vps-install-'));
const marker = `install-${process.pid}`;
let tarballs: Record<Published, string>;
let mockProject: Project;
let mock: RecipeRun;
const version = (name: string): string => JSON.parse(readFileSync(join(packageDir(name), 'package.json'), 'utf8')).version;
const dep = (name: Published) => `file:${tarballs[name]}`;
const env = () => ({ VPS_BASE_URL: mock.url, VPS_API_TOKEN: 'vps_install_test' });

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
