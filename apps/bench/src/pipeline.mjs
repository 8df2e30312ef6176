// 4. Pipeline: a cold turbo build (cache off) vs a warm, fully cached one, and the wall time of `pnpm test`.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1' };

/**
 * @param {string} cmd
 * @param {string[]} args
 */
function timed(cmd, args) {
  const start = performance.now();
  const r = spawnSync(cmd, args, { cwd: root, env, encoding: 'utf8' });
  const ms = performance.now() - start;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
  return { ms, out: r.stdout };
}

export function measurePipeline({ withTests = true } = {}) {
  const cold = timed('pnpm', ['exec', 'turbo', 'run', 'build', '--force']);
  const warm = timed('pnpm', ['exec', 'turbo', 'run', 'build']);
  const fullTurbo = /FULL TURBO/.test(warm.out);
  // --force makes every test task run rather than replay its cached result.
  const test = withTests ? timed('node', ['scripts/test.mjs', '--force']) : undefined;
  return { coldMs: cold.ms, warmMs: warm.ms, fullTurbo, testMs: test?.ms, testLine: test?.out.trim().split('\n').at(-1) };
}
