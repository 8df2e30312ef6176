// 7. CLI: `vps dns plan` of a 5,000-record zone and `vps dns apply` of 1,000 changes at concurrency 1 and 8, against
// the stateful mock with 50 ms added to every answer (a remote API's round trip: on bare loopback the work is
// CPU-bound and concurrency cannot show). Timings run the built binary; memory is measured in this process through
// the same CLI core, as the heap kept after a full GC while an apply runs.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { runCli } from '@vps-org/cli';
import { startMock } from '@vps-org/mock';

const require = createRequire(import.meta.url);
const BIN = join(require.resolve('@vps-org/cli/package.json'), '..', 'dist/bin/vps.js');
const ZONE = 'bench.example';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc');

/**
 * A zone file of `size` records of five types that differs from the base one by `writes` writes: of the records it
 * touches, one in four is replaced by another (an add and a delete), the others get a new TTL (a change).
 * @param {number} size
 * @param {{ writes?: number, salt?: number }} [options]
 */
function zoneFile(size, { writes = 0, salt = 0 } = {}) {
  const changed = Math.round(writes * 0.8);
  const lines = [`$ORIGIN ${ZONE}.`, '$TTL 3600'];
  for (let i = 0; i < size; i++) {
    const touched = i < changed;
    const replaced = touched && i % 4 === 0;
    const ttl = touched && !replaced ? 600 + salt : 3600;
    const host = replaced ? `r${salt}-h${i}` : `h${i}`;
    const n = i % 250;
    switch (i % 5) {
      case 0: lines.push(`${host} ${ttl} IN A 10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`); break;
      case 1: lines.push(`${host} ${ttl} IN AAAA 2001:db8::${i.toString(16)}`); break;
      case 2: lines.push(`${host} ${ttl} IN TXT "v=spf1 include:_spf${n}.example.net ~all"`); break;
      case 3: lines.push(`${host} ${ttl} IN MX ${n} mx${n}.example.net.`); break;
      default: lines.push(`${host} ${ttl} IN CNAME target${n}.example.net.`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/**
 * @param {string[]} args
 * @param {Record<string, string>} env
 * @returns {Promise<{ ms: number, stdout: string }>}
 */
function vps(args, env) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    execFile(process.execPath, [BIN, ...args], { env: { PATH: process.env.PATH, ...env }, maxBuffer: 256 * 2 ** 20 }, (error, stdout, stderr) => {
      if (error && error.code !== 2) reject(new Error(`vps ${args.join(' ')} failed (${error.code}): ${stderr.slice(-500)}`));
      else resolve({ ms: performance.now() - started, stdout });
    });
  });
}

/**
 * Runs the CLI core here, sampling the heap kept after a full GC every `every` requests; returns the peak.
 * @param {string[]} args
 * @param {Record<string, string>} env
 */
async function peakHeapDuring(args, env, every = 50) {
  let requests = 0;
  let peak = 0;
  const sample = () => {
    gc();
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  };
  /** @param {Request} request @param {RequestInit} [init] */
  const fetch = async (request, init) => {
    if (++requests % every === 0) sample();
    return globalThis.fetch(request, init);
  };
  const sink = { write() {}, isTTY: false };
  sample();
  const before = peak;
  const code = await runCli(args, { env, stdout: sink, stderr: sink, stdin: process.stdin, fetch });
  if (code !== 0) throw new Error(`vps ${args.join(' ')} exited ${code}`);
  return { growth: peak - before, requests };
}

export async function measureCli({ size = 5000, changes = 1000 } = {}) {
  const mock = await startMock({ stateful: true, latencyMs: 50 });
  const dir = mkdtempSync(join(tmpdir(), 'vps-bench-cli-'));
  const env = { VPS_API_TOKEN: `vps_bench_cli_${process.pid}`, VPS_BASE_URL: mock.url };
  /** @param {string} name @param {string} text */
  const file = (name, text) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  try {
    await vps(['dns-zones', 'create', '--domain', ZONE], env);
    const base = file('base.zone', zoneFile(size));
    console.error(`cli: loading ${size} records into the mock...`);
    await vps(['dns', 'apply', ZONE, base, '--yes', '--concurrency', '32'], env);

    const changedA = file('a.zone', zoneFile(size, { writes: changes, salt: 1 }));
    const plan = await vps(['dns', 'plan', ZONE, changedA, '--json'], env);
    const planned = JSON.parse(plan.stdout);
    const writes = planned.add.length + planned.change.length + planned.delete.length;

    console.error(`cli: applying ${writes} writes at concurrency 1 (about a minute)...`);
    const serial = await vps(['dns', 'apply', ZONE, changedA, '--yes', '--concurrency', '1'], env);
    console.error(`cli: applying ${writes} writes back at concurrency 8...`);
    const parallel = await vps(['dns', 'apply', ZONE, base, '--yes', '--concurrency', '8'], env);

    console.error('cli: memory of applies of a quarter and of all the changes...');
    // A first run in this process loads and compiles the CLI, so that neither measured run pays for it.
    await peakHeapDuring(['dns', 'plan', ZONE, base], env);
    const small = await peakHeapDuring(['dns', 'apply', ZONE, file('q.zone', zoneFile(size, { writes: changes / 4, salt: 2 })), '--yes'], env);
    await peakHeapDuring(['dns', 'apply', ZONE, base, '--yes'], env);
    const large = await peakHeapDuring(['dns', 'apply', ZONE, file('b.zone', zoneFile(size, { writes: changes, salt: 3 })), '--yes'], env);
    return {
      size,
      writes,
      planMs: plan.ms,
      serialMs: serial.ms,
      parallelMs: parallel.ms,
      memory: { small, large, perExtraRequest: (large.growth - small.growth) / Math.max(1, large.requests - small.requests) },
    };
  } finally {
    await mock.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
