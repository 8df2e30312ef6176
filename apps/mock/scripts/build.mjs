// Builds what the package publishes: its code bundled with the pieces of @vps-org/openapi it runs (the operation
// model, the validators), a copy of the spec bundle it serves, the Prism preload and its types. The published package
// then depends only on public packages, and installs alone.
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { build } from 'esbuild';

const require = createRequire(import.meta.url);
const here = (/** @type {string} */ path) => new URL(`../${path}`, import.meta.url).pathname;
const pkg = require('../package.json');

rmSync(here('dist'), { recursive: true, force: true });
mkdirSync(here('dist/lifeline'), { recursive: true });
await build({
  entryPoints: { index: here('src/index.js'), 'vps-mock': here('bin/vps-mock.js') },
  outdir: here('dist'),
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Public dependencies stay dependencies; only our own workspace package is bundled in.
  external: Object.keys(pkg.dependencies),
  // Bundled CommonJS modules call require(); an ES module has none unless it makes one.
  banner: { js: "import { createRequire as createRequire_ } from 'node:module'; const require = createRequire_(import.meta.url);" },
  logLevel: 'warning',
});
copyFileSync(require.resolve('@vps-org/openapi/openapi.yaml'), here('dist/openapi.yaml'));
copyFileSync(require.resolve('@vps-org/openapi/openapi.json'), here('dist/openapi.json'));
copyFileSync(here('src/lifeline/exit-with-parent.cjs'), here('dist/lifeline/exit-with-parent.cjs'));
copyFileSync(here('src/index.d.ts'), here('dist/index.d.ts'));
copyFileSync(here('src/mock-api.json'), here('dist/mock-api.json'));
console.log('built dist/: index.js, vps-mock.js, the spec bundle, the /_mock/ routes document, the Prism preload and the types');
