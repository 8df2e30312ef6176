// Type-checks TypeScript samples against the real, built @vps-org/client with the compiler API: each sample is an
// in-memory ES module inside this package, so `@vps-org/client` resolves exactly as a user's import would.
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const packageDir = fileURLToPath(new URL('../../', import.meta.url));

const OPTIONS = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  moduleDetection: ts.ModuleDetectionKind.Force,
  lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
  types: ['node'],
  strict: true,
  noUncheckedIndexedAccess: true,
  noEmit: true,
  // The samples are what is checked; the client's own .d.ts are trusted (its package checks them).
  skipLibCheck: true,
};

/**
 * @param {Array<{ name: string, source: string }>} samples names become file names, so keep them simple
 * @returns {Map<string, string[]>} every sample's name -> its diagnostics (empty when it compiles)
 */
export function typecheckSamples(samples) {
  const files = new Map(samples.map((s) => [`${packageDir}.samples-typecheck/${s.name}.mts`, s]));
  const host = ts.createCompilerHost(OPTIONS, true);
  const { fileExists, readFile, getSourceFile } = host;
  host.fileExists = (f) => files.has(f) || fileExists.call(host, f);
  host.readFile = (f) => files.get(f)?.source ?? readFile.call(host, f);
  host.getSourceFile = (f, lang, ...rest) =>
    files.has(f) ? ts.createSourceFile(f, files.get(f)?.source ?? '', lang, true) : getSourceFile.call(host, f, lang, ...rest);

  const program = ts.createProgram([...files.keys()], OPTIONS, host);
  const result = new Map(samples.map((s) => [s.name, /** @type {string[]} */ ([])]));
  const global = [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()];
  if (global.length) throw new Error(format(global).join('\n'));
  for (const [file, { name }] of files) {
    const diagnostics = [...program.getSyntacticDiagnostics(program.getSourceFile(file)),
      ...program.getSemanticDiagnostics(program.getSourceFile(file))];
    result.set(name, format(diagnostics));
  }
  return result;
}

/** @param {readonly import('typescript').Diagnostic[]} diagnostics */
function format(diagnostics) {
  return diagnostics.map((d) => {
    const text = ts.flattenDiagnosticMessageText(d.messageText, '\n');
    if (!d.file || d.start === undefined) return text;
    const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
    return `${line + 1}:${character + 1} ${text}`;
  });
}
