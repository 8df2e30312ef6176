// startMock: Prism as a child process group, ready when it says so, gone when stop() resolves.
import { once } from 'node:events';
import { resolve as resolvePath } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as delay } from 'node:timers/promises';
import { findFreePort } from './free-port.js';
import { killGroup, signalGroup } from './process-group.js';
import { defaultSpecPath, spawnPrism } from './prism.js';
import { OutputTail, stripAnsi } from './prism-output.js';

const READY_LINE = 'Prism is listening';
const DEFAULT_READY_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 5_000;
// A picked port can be taken by another process before Prism binds it; a few fresh picks make that vanishingly rare.
const PORT_ATTEMPTS = 5;

export class MockStartError extends Error {
  /**
   * @param {string} message
   * @param {{ code: 'EADDRINUSE' | 'EXITED' | 'TIMEOUT' | 'ABORTED', output: string[] }} details
   */
  constructor(message, { code, output }) {
    super(output.length ? `${message}\nPrism's last output:\n${output.map((l) => `  ${l}`).join('\n')}` : message);
    this.name = 'MockStartError';
    this.code = code;
    this.output = output;
  }
}

// Process groups still running, killed if this process exits without stopping them (a crashed test run, a
// forgotten stop()): a detached Prism would otherwise outlive us.
/** @type {Set<number>} */
const running = new Set();
let exitHookInstalled = false;
/** @param {number} pid */
function track(pid) {
  running.add(pid);
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const p of running) {
      try {
        signalGroup(p, 'SIGKILL');
      } catch {
        // nothing more can be done while exiting
      }
    }
  });
}

/** @param {import('./index.js').StartMockOptions} [options] */
export function startMock(options = {}) {
  return launch(options, findFreePort);
}

/**
 * startMock with the port picker injectable, so the EADDRINUSE retry can be tested without a real race.
 * @param {import('./index.js').StartMockOptions} options
 * @param {(host: string) => Promise<number>} pickPort
 */
export async function launch(options, pickPort) {
  const host = options.host ?? '127.0.0.1';
  const spec = options.spec ?? defaultSpecPath();
  const settings = {
    host,
    // Prism also takes a URL; a relative path is made absolute so the error names the file it looked for.
    spec: /^https?:\/\//.test(spec) ? spec : resolvePath(spec),
    dynamic: options.dynamic ?? false,
    errors: options.errors ?? true,
    readyTimeout: options.readyTimeout ?? DEFAULT_READY_TIMEOUT_MS,
    signal: options.signal,
    onOutput: options.onOutput,
  };
  if (!options.port) {
    for (let attempt = 1; ; attempt++) {
      try {
        return await startPrism({ ...settings, port: await pickPort(host) });
      } catch (error) {
        if (!(error instanceof MockStartError && error.code === 'EADDRINUSE') || attempt >= PORT_ATTEMPTS) throw error;
      }
    }
  }
  return startPrism({ ...settings, port: options.port });
}

/**
 * @param {{ host: string, port: number, spec: string, dynamic: boolean, errors: boolean, readyTimeout: number,
 *   signal?: AbortSignal, onOutput?: (line: string) => void }} settings
 * @returns {Promise<import('./index.js').MockServer>}
 */
async function startPrism({ host, port, spec, dynamic, errors, readyTimeout, signal, onOutput }) {
  const where = `Prism on ${host}:${port} (spec ${spec})`;
  if (signal?.aborted) throw new MockStartError(`${where}: start aborted`, { code: 'ABORTED', output: [] });

  const child = spawnPrism({ spec, host, port, dynamic, errors });
  const tail = new OutputTail();
  const closed = once(child, 'close').catch(() => {});
  /** @type {Promise<{ code: number | null, signal: NodeJS.Signals | null }>} */
  const leaderExited = new Promise((done) => {
    child.once('exit', (code, sig) => done({ code, signal: sig }));
    // A spawn failure emits 'error' and no 'exit'.
    child.once('error', (error) => {
      tail.push(String(error));
      done({ code: null, signal: null });
    });
  });
  const pid = /** @type {number} */ (child.pid);
  if (pid) {
    track(pid);
    // Forget a group that has gone by itself, so that its pid, once reused, is never signalled.
    leaderExited.then(() => signalGroup(pid, 0) || running.delete(pid)).catch(() => {});
  }

  let ready = false;
  /** @type {() => void} */
  let markReady = () => {};
  const becameReady = new Promise((/** @type {(v: void) => void} */ done) => (markReady = done));
  for (const stream of [child.stdout, child.stderr]) {
    // Read to the end even after readiness: Prism logs every request, and a full pipe would block it.
    createInterface({ input: stream, crlfDelay: Infinity }).on('line', (raw) => {
      const line = stripAnsi(raw);
      tail.push(line);
      onOutput?.(line);
      if (!ready && line.includes(READY_LINE)) {
        ready = true;
        markReady();
      }
    });
  }

  const exitedWithOutput = leaderExited.then(async (result) => {
    // 'exit' can come before the last lines are read; wait for the pipes (briefly: a straggler may hold them).
    await Promise.race([closed, delay(1_000)]);
    return { ...result, output: tail.summary() };
  });
  /** @type {Promise<void> | undefined} */
  let stopping;
  const stop = () =>
    (stopping ??= (pid ? killGroup(pid, leaderExited, STOP_GRACE_MS) : leaderExited).then(() => {
      running.delete(pid);
    }));

  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  /** @type {() => void} */
  let onAbort = () => {};
  const outcome = await Promise.race([
    becameReady.then(() => 'ready'),
    exitedWithOutput.then(() => 'exited'),
    new Promise((done) => (timer = setTimeout(done, readyTimeout, 'timeout'))),
    new Promise((done) => signal?.addEventListener('abort', (onAbort = () => done('aborted')), { once: true })),
  ]);
  clearTimeout(timer);
  signal?.removeEventListener('abort', onAbort);
  if (outcome === 'ready') {
    const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
    return { url, host, port, pid, exited: exitedWithOutput, stop };
  }

  await stop();
  if (outcome === 'exited') {
    const { code, signal: sig } = await leaderExited;
    if (tail.includes(/EADDRINUSE/)) {
      throw new MockStartError(`${where}: port ${port} is already in use`, { code: 'EADDRINUSE', output: tail.summary() });
    }
    const how = sig ? `was killed by ${sig}` : `exited with code ${code}`;
    throw new MockStartError(`${where} ${how} before it was ready`, { code: 'EXITED', output: tail.summary() });
  }
  if (outcome === 'aborted') throw new MockStartError(`${where}: start aborted`, { code: 'ABORTED', output: tail.summary() });
  throw new MockStartError(`${where} was not ready (no "${READY_LINE}") within ${readyTimeout} ms`, {
    code: 'TIMEOUT',
    output: tail.summary(),
  });
}
