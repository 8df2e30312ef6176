// How Prism is found and invoked: from this package's own dependency (pinned; never npx), on the bundled spec.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SPEC_YAML } from './bundled-spec.js';

const require = createRequire(import.meta.url);
// Preloaded into Prism so that it exits with its parent even when the parent dies without stopping it.
const EXIT_WITH_PARENT = fileURLToPath(new URL('./lifeline/exit-with-parent.cjs', import.meta.url));

/** Absolute path of the spec the mock serves by default: the copy of the VPS.org spec bundle it ships with. */
export function defaultSpecPath(): string {
  return SPEC_YAML;
}

/** The JS entry of the prism-cli this package depends on, run with our own Node rather than through a shim. */
export function prismEntry() {
  const manifest = require.resolve('@stoplight/prism-cli/package.json');
  const { bin } = require(manifest) as { bin: string | { prism: string } };
  return join(dirname(manifest), typeof bin === 'string' ? bin : bin.prism);
}

export interface PrismOptions {
  spec: string;
  host: string;
  port: number;
  dynamic: boolean;
  errors: boolean;
  /** Where `prism proxy` forwards; without it, `prism mock`. */
  upstream?: string;
}

/** `prism mock` on the spec, or `prism proxy` to `upstream` (which validates requests and answers both ways). */
export function prismArgs({ spec, host, port, dynamic, errors, upstream }: PrismOptions): string[] {
  return [
    ...(upstream ? ['proxy', spec, upstream] : ['mock', spec]),
    '--host',
    host,
    '--port',
    String(port),
    // Prism forks a cluster worker by default when NODE_ENV=production; `-m` is known to crash, so a consumer's
    // CI environment must not switch it on behind our back.
    '--multiprocess=false',
    // A response example that violates its own schema must fail loudly, not be served.
    ...(errors ? ['--errors'] : []),
    ...(dynamic && !upstream ? ['--dynamic'] : []),
  ];
}

export function spawnPrism(options: PrismOptions) {
  return spawn(process.execPath, ['--require', EXIT_WITH_PARENT, prismEntry(), ...prismArgs(options)], {
    // Its own process group, so stop() can take down everything it starts.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    // chalk honours FORCE_COLOR=0; plain lines are what we match "Prism is listening" against and show in errors.
    env: { ...process.env, FORCE_COLOR: '0', VPS_MOCK_PARENT_PID: String(process.pid) },
  });
}
