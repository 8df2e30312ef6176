// The published types are what consumers get, and what the README documents. A consumer program, compiled against
// the built package through its own name and "exports" (so against dist/index.d.ts, as a user's editor sees it),
// strictly and without skipLibCheck, holds every export, option and field the README names to its documented
// signature; a wrong call is refused (the types are not `any`); the declarations import nothing a user lacks; and the
// bundle exports at run time exactly the values its declarations promise.
import { builtinModules } from 'node:module';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const declarations = join(root, 'dist/index.d.ts');
// Inside the package, so that `@vps-org/mock` resolves as a self-reference through package.json's "exports".
const dir = join(root, 'test-artifacts/public-types');

/** The text of the README section that starts with `heading`, up to the next heading of its level. */
function section(heading: string): string {
  const start = readme.indexOf(`\n${heading}\n`);
  if (start < 0) throw new Error(`the README has no "${heading}" section`);
  const end = readme.indexOf('\n## ', start + heading.length + 2);
  return readme.slice(start, end < 0 ? undefined : end);
}

/** The names inside the first `{ a, b, c }` that follows `after` in `text`. */
function braced(text: string, after: string): string[] {
  const at = text.indexOf(after);
  const list = at < 0 ? undefined : /\{([^}]*)\}/.exec(text.slice(at + after.length))?.[1];
  if (!list) throw new Error(`the README has no "{ ... }" after "${after}"`);
  return list.split(',').map((name) => name.trim());
}

const fromCode = section('## From code');
const documented = {
  // The names the README's snippets import from the package, and those its prose calls exported.
  exports: [
    ...new Set([
      ...[...readme.matchAll(/import \{([^}]*)\} from '@vps-org\/mock'/g)].flatMap((m) => (m[1] ?? '').split(',').map((n) => n.trim())),
      ...[...readme.matchAll(/`(\w+)\([^`]*\)` is exported/g)].map((m) => m[1] ?? ''),
    ]),
  ],
  // The option table of "From code": its first column.
  options: [...fromCode.matchAll(/^\| `(\w+)` \|/gm)].map((m) => m[1] ?? ''),
  server: braced(fromCode, 'resolves once Prism prints "Prism is listening", with'),
  violation: braced(fromCode, '| `onViolation` | a line on stderr | Called with'),
  restart: braced(fromCode, '| `onRestart` | a line on stderr | Called with'),
  codes: [...(/whose `code` is ([^.]*?) and whose message/.exec(fromCode)?.[1] ?? '').matchAll(/`(\w+)`/g)].map((m) => m[1] ?? ''),
};

/** `{ a: true, b: true }`: with a type of `{ [K in keyof T]-?: true }`, both a missing and an extra name are errors. */
const keys = (names: string[]) => `{ ${names.map((n) => `${n}: true`).join(', ')} }`;

// What the README says of each export, as types. Each line is an error if the published types say otherwise.
// The classes the README says are thrown, besides the exports it names.
const THROWN = ['MockStartError', 'SeedError'];
const CONSUMER = `import {
  ${[...new Set([...documented.exports, ...THROWN])].join(', ')},
  type Fake, type MockExit, type MockServer, type RestartReport, type StartMockOptions, type ViolationReport,
} from '@vps-org/mock';
import type { Server } from 'node:http';

type Exactly<T> = { [K in keyof T]-?: true };
export const options: Exactly<StartMockOptions> = ${keys(documented.options)};
export const server: Exactly<MockServer> = ${keys(documented.server)};
export const violation: Exactly<ViolationReport> = ${keys(documented.violation)};
export const restart: Exactly<RestartReport> = ${keys(documented.restart)};
export const codes: Exactly<Record<MockStartError['code'], true>> = ${keys(documented.codes)};

type Handler = (request: Request) => Promise<Response>;
export const start: (options?: StartMockOptions) => Promise<MockServer> = startMock;
export const fake: (options?: { transitionMs?: number; clock?: () => number; seed?: unknown }) => Fake = createFake;
export const handler: Handler = createFake({ transitionMs: 0 }).handler;
export const serve: (handler: Handler) => Server = serveHandler;
export const specPath: () => string = defaultSpecPath;
export const watch: (onOrphaned: () => void, options?: { intervalMs?: number }) => () => void = watchStarters;
export const stop: (mock: MockServer) => Promise<void> = (mock) => mock.stop();
export const exited: (mock: MockServer) => Promise<MockExit> = (mock) => mock.exited;
export const exit: { code: number | null; signal: string | null; output: string[] } = {} as MockExit;
export const stateful: StartMockOptions = { stateful: true, transitionMs: 0, handler, seed: { accounts: {} }, signal: new AbortController().signal };
export const seedField: string = new SeedError('accounts', 'is missing').field;
export const startError: { code: string; output: string[] } & Error = new MockStartError('no', { code: 'TIMEOUT', output: [] });
export const report: (report: ViolationReport) => [string, string, number, unknown[]] = (r) => [r.method, r.path, r.status, r.violations];
`;

// Calls the types must refuse: were they \`any\`, these would compile.
const WRONG = [
  `import { startMock } from '@vps-org/mock';\nawait startMock({ port: '4010' });\nexport {};\n`,
  `import { createFake } from '@vps-org/mock';\ncreateFake({ transitionMs: 'slow' });\nexport {};\n`,
  `import { MockStartError } from '@vps-org/mock';\nnew MockStartError('no', { code: 'NOPE', output: [] });\nexport {};\n`,
];

function compile(files: string[]): Map<string, string[]> {
  const program = ts.createProgram(files, {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    exactOptionalPropertyTypes: true,
    noEmit: true,
    skipLibCheck: false,
    types: ['node'],
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
  });
  const errors = new Map<string, string[]>([...files, declarations].map((f) => [f, []]));
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const name = d.file?.fileName ?? '(global)';
    if (!errors.has(name)) errors.set(name, []);
    errors.get(name)?.push(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  }
  return errors;
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the published types', () => {
  it('read from the README: its exports, the options table, the fields of what startMock resolves with', () => {
    expect(documented.exports).toEqual(expect.arrayContaining(['startMock', 'createFake', 'watchStarters', 'serveHandler', 'defaultSpecPath']));
    expect(documented.options).toEqual(expect.arrayContaining(['port', 'stateful', 'signal', 'onOutput']));
    expect(documented.server).toEqual(expect.arrayContaining(['url', 'stop']));
    expect(documented.codes).toEqual(['EADDRINUSE', 'EXITED', 'TIMEOUT', 'ABORTED']);
  });

  it('hold what the README documents, strictly and without skipLibCheck, and refuse a wrong call', () => {
    mkdirSync(dir, { recursive: true });
    const consumer = join(dir, 'consumer.mts');
    writeFileSync(consumer, CONSUMER);
    const wrong = WRONG.map((source, i) => {
      const file = join(dir, `wrong-${i}.mts`);
      writeFileSync(file, source);
      return file;
    });
    // Errors are told apart by file: each wrong call must have its own, and nothing else may have any.
    const errors = compile([consumer, ...wrong]);
    for (const file of wrong) expect(errors.get(file), readFileSync(file, 'utf8')).toEqual([expect.stringMatching(/is not assignable to/)]);
    expect([...errors].filter(([file, list]) => list.length && !wrong.includes(file)), CONSUMER).toEqual([]);
  });

  it('import nothing but Node built-ins: no package of ours, which the published package does not depend on', () => {
    const text = readFileSync(declarations, 'utf8');
    const specifiers = [...text.matchAll(/(?:from\s+|import\()["']([^"']+)["']/g)].map((m) => m[1] ?? '');
    const builtins = new Set(builtinModules);
    expect(specifiers.filter((s) => !s.startsWith('node:') && !builtins.has(s))).toEqual([]);
  });

  it('declare exactly the values the bundle exports at run time', async () => {
    const program = ts.createProgram([declarations], { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, noEmit: true });
    const checker = program.getTypeChecker();
    const file = program.getSourceFile(declarations);
    const module = file && checker.getSymbolAtLocation(file);
    expect(module, 'dist/index.d.ts is a module').toBeDefined();
    const declared = checker
      .getExportsOfModule(module as ts.Symbol)
      .filter((symbol) => symbol.flags & ts.SymbolFlags.Value)
      .map((symbol) => symbol.name);
    const runtime = Object.keys(await import(join(root, 'dist/index.js')));
    expect(declared.sort()).toEqual(runtime.sort());
    expect(runtime).toEqual(expect.arrayContaining(documented.exports));
  });
});
