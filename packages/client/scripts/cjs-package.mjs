// Marks dist/cjs/ as CommonJS: its .js files are require()d by Node and Jest, and its .d.ts read as CommonJS types.
import { writeFileSync } from 'node:fs';

writeFileSync(new URL('../dist/cjs/package.json', import.meta.url), `${JSON.stringify({ type: 'commonjs' }, null, 2)}\n`);
