// The client's types as a judge: each body becomes `const c<i>: DnsRecordInput = <body>;` in one virtual file,
// type-checked against the built @vps-org/client, and a case is refused when tsc reports an error on its line.
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const here = fileURLToPath(new URL('.', import.meta.url));

/** For each body, whether `DnsRecordInput` (fresh object literal, so excess properties count) accepts it. */
export function typesAccept(bodies: unknown[]): boolean[] {
  const fileName = `${here}virtual-record-bodies.ts`;
  const lines = [
    "import type { DnsRecordInput } from '@vps-org/client';",
    ...bodies.map((body, i) => `export const c${i}: DnsRecordInput = ${JSON.stringify(body)};`),
  ];
  const source = lines.join('\n');
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.getSourceFile = (name, version, ...rest) =>
    name === fileName ? ts.createSourceFile(name, source, version) : getSourceFile.call(host, name, version, ...rest);
  host.fileExists = (name) => name === fileName || fileExists.call(host, name);
  host.readFile = (name) => (name === fileName ? source : readFile.call(host, name));
  const program = ts.createProgram([fileName], options, host);
  const file = program.getSourceFile(fileName)!;
  const diagnostics = [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)];
  const failing = new Set(diagnostics.map((d) => file.getLineAndCharacterOfPosition(d.start ?? 0).line));
  // The import is line 0: an error there means the client's types could not be found at all.
  if (failing.has(0)) throw new Error(`cannot type-check against @vps-org/client: ${ts.flattenDiagnosticMessageText(diagnostics[0]!.messageText, '\n')}`);
  return bodies.map((_, i) => !failing.has(i + 1));
}
