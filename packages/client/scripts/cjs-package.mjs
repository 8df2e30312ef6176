// Marks dist/cjs/ as CommonJS: its .js files are require()d by Node and Jest, and its .d.ts read as CommonJS types.
// Node reads `imports` (#attempt, #runtime) from the nearest package.json, which for dist/cjs/ is this one, and
// publint refuses `imports` in a nested package.json: the CommonJS build requires the Node modules by path instead
// (a bundler for a browser takes the ES module build, whose `imports` give it the browser ones).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

const dist = new URL('../dist/cjs/', import.meta.url);
writeFileSync(new URL('package.json', dist), `${JSON.stringify({ type: 'commonjs' }, null, 2)}\n`);
const core = new URL('core/', dist);
let rewritten = 0;
for (const name of readdirSync(core).filter((file) => file.endsWith('.js'))) {
  const text = readFileSync(new URL(name, core), 'utf8');
  // Every `#name` import is a module of src/core/ (package.json `imports`), required from a module beside it.
  const out = text.replace(/require\("#([\w-]+)"\)/g, (_, module) => (rewritten++, `require("./${module}.js")`));
  if (out !== text) writeFileSync(new URL(name, core), out);
}
if (rewritten === 0) throw new Error('cjs-package: no require("#...") found to rewrite in dist/cjs/core/');
