// Every TypeScript snippet of the README compiles against the built package, as a user's editor would see it. The
// snippets are fragments of one story: names they use without declaring (`vps`, `zoneUuid`, `input`) are declared for
// them with the types they have there. The mock snippet is also run, against the real mock, by the install test.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const snippets = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => ({
  line: readme.slice(0, m.index).split('\n').length + 1,
  source: m[1]!,
}));
// Inside the package, so that `undici` and `@types/node` resolve as they would in a user's project.
const dir = join(root, 'node_modules', '.readme-snippets');

/** Declarations for what a fragment uses from the snippets before it. */
const CONTEXT: Record<string, string> = {
  vps: 'declare const vps: import("@vps-org/client").VpsClient;',
  zoneUuid: 'declare const zoneUuid: string;',
  input: 'declare const input: import("@vps-org/client").DnsRecordInput;',
};

function compile(files: string[]): Map<string, string[]> {
  const program = ts.createProgram(files, {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: ['node'],
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    paths: { '@vps-org/client': [join(root, 'dist/index.d.ts')] },
  });
  const errors = new Map<string, string[]>(files.map((f) => [f, []]));
  for (const d of ts.getPreEmitDiagnostics(program)) {
    if (!d.file) continue;
    errors.get(d.file.fileName)?.push(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  }
  return errors;
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the README', () => {
  it('has its snippets', () => {
    expect(snippets.length).toBeGreaterThanOrEqual(10);
  });

  it('compiles every TypeScript snippet, and not a broken one', () => {
    mkdirSync(dir, { recursive: true });
    const files = snippets.map(({ line, source }) => {
      const context = Object.entries(CONTEXT)
        .filter(([name, _]) => new RegExp(`\\b${name}\\b`).test(source) && !new RegExp(`\\b(const|let)\\s+(\\{[^}]*\\b)?${name}\\b`).test(source))
        .map(([, declaration]) => declaration);
      const file = join(dir, `line-${line}.mts`);
      writeFileSync(file, `${context.join('\n')}\n${source}\nexport {};\n`);
      return file;
    });
    const broken = join(dir, 'broken.mts');
    writeFileSync(broken, `${CONTEXT.vps}\nawait vps.servers.get('12345');\nexport {};\n`);
    const errors = compile([...files, broken]);
    for (const file of files) expect(errors.get(file), `${file}:\n${readFileSync(file, 'utf8')}`).toEqual([]);
    expect(errors.get(broken)?.join('\n')).toMatch(/not assignable to parameter of type 'number'/);
  });
});
