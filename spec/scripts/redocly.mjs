// Runs the Redocly CLI with the arguments given, minus its boxed "Node.js 20 support is ending" notice, which it
// prints on every run (three runs per build of this package). The docs build, the one other run, still shows it.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';

const cli = createRequire(import.meta.url).resolve('@redocly/cli/bin/cli.js');
const child = spawn(process.execPath, [cli, ...process.argv.slice(2)], { stdio: ['inherit', 'pipe', 'pipe'] });

/** Copies `from` to `to`, leaving out the box (from its top line to its bottom line) that holds the notice. */
function filter(/** @type {import('node:stream').Readable} */ from, /** @type {NodeJS.WritableStream} */ to) {
  /** @type {string[] | undefined} */
  let box;
  createInterface({ input: from, crlfDelay: Infinity }).on('line', (line) => {
    if (box === undefined && line.trimStart().startsWith('╔')) box = [];
    if (box === undefined) return void to.write(`${line}\n`);
    box.push(line);
    if (!line.trimStart().startsWith('╚')) return;
    if (!box.some((l) => l.includes('Node.js 20 support is ending'))) to.write(`${box.join('\n')}\n`);
    box = undefined;
  });
}
filter(child.stdout, process.stdout);
filter(child.stderr, process.stderr);
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
