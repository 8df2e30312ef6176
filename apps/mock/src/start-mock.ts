// startMock: our front on the public port, Prism behind it as a child process group (ready when it says so, gone
// when stop() resolves), and in stateful mode the fake behind Prism's validating proxy.
import { once } from 'node:events';
import { resolve as resolvePath } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as delay } from 'node:timers/promises';
import { findFreePort } from './free-port.js';
import { killGroup, signalGroup } from './process-group.js';
import { defaultSpecPath, spawnPrism } from './prism.js';
import { OutputTail, stripAnsi } from './prism-output.js';
import { createFront } from './front/front-server.js';
import { bundledRoutes } from './routes.js';
import { bundledChecker } from './stateful/body-check.js';
import { createFake } from './stateful/fake.js';
import { serveHandler } from './stateful/node-adapter.js';
import type { MockServer, RestartReport, StartMockOptions, ViolationReport } from './types.js';
import type { Server } from 'node:http';

const READY_LINE = 'Prism is listening';
// Prism takes seconds to start, and minutes on a CI machine under load: a deadline only for a Prism that hangs.
const DEFAULT_READY_TIMEOUT_MS = 180_000;
const STOP_GRACE_MS = 5_000;
// A picked port can be taken by another process before Prism binds it; a few fresh picks make that vanishingly rare.
const PORT_ATTEMPTS = 5;

export class MockStartError extends Error {
  // Declared, not defined: the constructor sets them, in the order the properties have always had.
  /** EADDRINUSE: the port is taken; EXITED: Prism exited before it was ready; TIMEOUT; ABORTED: `signal` fired. */
  declare code: 'EADDRINUSE' | 'EXITED' | 'TIMEOUT' | 'ABORTED';
  /** Prism's last meaningful output lines (also in the message). */
  declare output: string[];

  constructor(message: string, details: { code: MockStartError['code']; output: string[] }) {
    const { code, output } = details;
    super(output.length ? `${message}\nPrism's last output:\n${output.map((l) => `  ${l}`).join('\n')}` : message);
    this.name = 'MockStartError';
    this.code = code;
    this.output = output;
  }
}

// Process groups still running, killed if this process exits without stopping them (a crashed test run, a
// forgotten stop()): a detached Prism would otherwise outlive us.
const running: Set<number> = new Set();
let exitHookInstalled = false;
function track(pid: number) {
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

/** Starts Prism on the spec and resolves once it listens; rejects with a MockStartError if it cannot. */
export function startMock(options: StartMockOptions = {}): Promise<MockServer> {
  return launch(options, findFreePort);
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

/**
 * startMock with Prism's port picker injectable, so the EADDRINUSE retry can be tested without a real race.
 * The public port belongs to the front (front/front-server.js), which answers 503 with Retry-After until Prism is
 * ready; Prism, and in stateful mode the fake, listen on loopback ports of their own behind it. Prism is watched
 * once ready: if it exits without stop(), it is started again (the fake's state lives in this process, so it is
 * kept), one line is logged, and the requests it had in flight get the documented 503.
 */
export async function launch(options: StartMockOptions, pickPort: (host: string) => Promise<number>): Promise<MockServer> {
  const host = options.host ?? '127.0.0.1';
  const spec = options.spec ?? defaultSpecPath();
  const stateful = options.stateful ?? false;
  // The front reads the operation model of the bundle; with another spec it makes only the checks that need none.
  const routes = options.spec ? undefined : bundledRoutes();
  const violations: ViolationReport[] = [];
  const onViolation = (report: ViolationReport) => {
    violations.push(report);
    const line = `vps-mock: SPEC VIOLATION by the mock's answer to ${report.method} ${report.path} (${report.status}): ${JSON.stringify(report.violations)}`;
    if (options.onViolation) options.onViolation(report);
    else process.stderr.write(`${line}\n`);
  };
  const onRestart =
    options.onRestart ??
    ((r: RestartReport) =>
      process.stderr.write(`vps-mock: Prism ${r.signal ? `was killed by ${r.signal}` : `exited with code ${r.code}`}; restarted it on port ${r.port}${stateful ? ', the fake kept its state' : ''}\n`));
  if (!stateful && (options.handler || options.seed)) throw new TypeError('startMock: handler and seed only apply with stateful: true');
  const fake = stateful
    ? options.handler
      ? { handler: options.handler }
      : createFake({ transitionMs: options.transitionMs ?? 2000, seed: options.seed })
    : undefined;
  const front = createFront({ routes, checker: routes && bundledChecker(), proxy: stateful, local: fake?.handler, latencyMs: options.latencyMs ?? 0, onViolation });
  let fakeServer: Server | undefined;
  const closeOurs = async () => {
    await front.close();
    if (fakeServer) {
      const s = fakeServer;
      await new Promise((done) => {
        s.close(() => done(undefined));
        s.closeAllConnections();
      });
    }
  };

  let port;
  try {
    port = await listen(front.server, options.port ?? 0, host);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message = (error as Error).message;
    if (code === 'EADDRINUSE') {
      throw new MockStartError(`The mock on ${host}: port ${options.port} is already in use`, { code: 'EADDRINUSE', output: [message] });
    }
    throw new MockStartError(`The mock could not listen on ${host}:${options.port}: ${message}`, { code: 'EXITED', output: [message] });
  }

  // Cancels a restart in progress when stop() is called.
  const stopping = new AbortController();
  try {
    let upstreamUrl;
    if (fake) {
      fakeServer = serveHandler(fake.handler);
      upstreamUrl = `http://127.0.0.1:${await listen(fakeServer, 0, '127.0.0.1')}`;
    }
    const prismHost = '127.0.0.1';
    const settings = {
      host: prismHost,
      // Prism also takes a URL; a relative path is made absolute so the error names the file it looked for.
      spec: /^https?:\/\//.test(spec) ? spec : resolvePath(spec),
      dynamic: options.dynamic ?? false,
      errors: options.errors ?? true,
      upstream: upstreamUrl,
      readyTimeout: options.readyTimeout ?? DEFAULT_READY_TIMEOUT_MS,
      onOutput: options.onOutput,
    };
    const startOnFreePort = async (signal: AbortSignal | undefined) => {
      for (let attempt = 1; ; attempt++) {
        try {
          return await startPrism({ ...settings, signal, port: await pickPort(prismHost) });
        } catch (error) {
          if (!(error instanceof MockStartError && error.code === 'EADDRINUSE') || attempt >= PORT_ATTEMPTS) throw error;
        }
      }
    };
    let prism = await startOnFreePort(options.signal);
    front.ready({ host: prismHost, port: prism.port });
    let restarts = 0;

    /** Restarts Prism each time it exits by itself; settles with its last exit once the mock is stopped. */
    const supervise = async () => {
      for (;;) {
        const exit = await prism.exited;
        if (stopping.signal.aborted) return exit;
        front.unready();
        try {
          prism = await startOnFreePort(stopping.signal);
        } catch (error) {
          // Stopped meanwhile, or Prism cannot start again: the mock ends, as a failed start does.
          await closeOurs();
          if (stopping.signal.aborted) return exit;
          const { output } = error as MockStartError;
          return { ...exit, output: [...exit.output, (error as Error).message.split('\n')[0] ?? '', ...(output ?? [])] };
        }
        restarts++;
        front.ready({ host: prismHost, port: prism.port });
        onRestart({ code: exit.code, signal: exit.signal, output: exit.output, port: prism.port, restarts });
      }
    };
    const exited = supervise();
    const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
    let stopped: Promise<void> | undefined;
    const stop = () =>
      (stopped ??= (async () => {
        stopping.abort();
        await closeOurs();
        await prism.stop();
        await exited;
      })());
    return {
      url,
      host,
      port,
      get pid() {
        return prism.pid;
      },
      get prismUrl() {
        return `http://${prismHost}:${prism.port}`;
      },
      get restarts() {
        return restarts;
      },
      stateful,
      violations,
      exited,
      stop,
    };
  } catch (error) {
    await closeOurs();
    throw error;
  }
}

async function startPrism({ host, port, spec, dynamic, errors, upstream, readyTimeout, signal, onOutput }: {
    host: string; port: number; spec: string; dynamic: boolean; errors: boolean; upstream?: string;
    readyTimeout: number; signal?: AbortSignal; onOutput?: (line: string) => void;
  }) {
  const where = `Prism on ${host}:${port} (spec ${spec})`;
  if (signal?.aborted) throw new MockStartError(`${where}: start aborted`, { code: 'ABORTED', output: [] });

  const child = spawnPrism({ spec, host, port, dynamic, errors, upstream });
  const tail = new OutputTail();
  const closed = once(child, 'close').catch(() => {});
  const leaderExited: Promise<{ code: number | null; signal: NodeJS.Signals | null }> = new Promise((done) => {
    child.once('exit', (code, sig) => done({ code, signal: sig }));
    // A spawn failure emits 'error' and no 'exit'.
    child.once('error', (error) => {
      tail.push(String(error));
      done({ code: null, signal: null });
    });
  });
  const pid = child.pid as number;
  if (pid) {
    track(pid);
    // Forget a group that has gone by itself, so that its pid, once reused, is never signalled.
    leaderExited.then(() => signalGroup(pid, 0) || running.delete(pid)).catch(() => {});
  }

  let ready = false;
  let markReady: () => void = (): void => {};
  const becameReady = new Promise((done: (v: void) => void) => (markReady = done));
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
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (pid ? killGroup(pid, leaderExited, STOP_GRACE_MS) : leaderExited).then(() => {
      running.delete(pid);
    }));

  let timer: NodeJS.Timeout | undefined;
  let onAbort: () => void = (): void => {};
  const outcome = await Promise.race([
    becameReady.then(() => 'ready'),
    exitedWithOutput.then(() => 'exited'),
    new Promise((done) => (timer = setTimeout(done, readyTimeout, 'timeout'))),
    new Promise((done) => signal?.addEventListener('abort', (onAbort = () => done('aborted')), { once: true })),
  ]);
  clearTimeout(timer);
  signal?.removeEventListener('abort', onAbort);
  if (outcome === 'ready') return { port, pid, exited: exitedWithOutput, stop };

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
