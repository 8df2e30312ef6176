#!/usr/bin/env node
// vps-mock: runs the VPS.org API mock until SIGINT, SIGTERM or SIGHUP, then stops Prism and everything it started.
// Like any server, it outlives the shell or npx that launched it (`nohup ... &`, `(... &)`, a CI step that leaves it
// running for the next ones); --exit-with-parent opts into stopping with the launcher instead. Prism dies with us
// even on SIGKILL (its preload watches us). A spec violation by an answer, and a restart of Prism after a crash, are
// printed to stderr as they happen (startMock's defaults).
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { SeedError, startMock, watchStarters, type MockServer, type MockStartError } from '../src/index.js';
import { watchRunner } from '../src/lifeline/starter.js';

const DEFAULT_PORT = 4010;
const USAGE = `Usage: vps-mock [--port N] [--host H] [--dynamic] [--stateful [--transition-ms N] [--seed FILE]] [--latency-ms N]
                [--exit-with-parent] [--verbose]

Serves the VPS.org API mock: Prism 5 on the bundled OpenAPI spec (with --errors), or with --stateful an in-memory
fake of the API behind Prism's validating proxy.

  --port N           Port to listen on (default: $PORT, else ${DEFAULT_PORT}; 0 picks a free port)
  --host H           Interface to bind (default: 127.0.0.1)
  --dynamic          Generate responses from the schemas instead of serving the spec's examples
  --stateful         Keep what is created, per bearer token; POST /_mock/reset empties it
  --transition-ms N  With --stateful: how long provisioning, start, stop and reboot take (default: 2000)
  --seed FILE        With --stateful: start with the servers, zones and records of FILE, per token (the format
                     GET /_mock/state answers)
  --latency-ms N     Add N ms before every answer (default: 0)
  --exit-with-parent Stop when the process that started it (and the shells or npx above it) goes away
  --verbose          Forward Prism's request log to stderr
  -h, --help         Show this help
  -V, --version      Show the version

It stops, with Prism, on SIGINT, SIGTERM or SIGHUP. GET /_mock/health answers 200 once it can answer.`;

function fail(message: string): never {
  console.error(`vps-mock: ${message}`);
  process.exit(1);
}

function parsePort(value: string, from: string) {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) fail(`${from} must be a port number from 0 to 65535, got "${value}"`);
  return port;
}

function parseMs(value: string | undefined, flag: string, fallback: number) {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) fail(`${flag} must be a whole number of milliseconds, got "${value}"`);
  return Number(value);
}

const options = {
  port: { type: 'string', short: 'p' },
  stateful: { type: 'boolean' },
  'transition-ms': { type: 'string' },
  'latency-ms': { type: 'string' },
  seed: { type: 'string' },
  'exit-with-parent': { type: 'boolean' },
  host: { type: 'string' },
  dynamic: { type: 'boolean', short: 'd' },
  verbose: { type: 'boolean', short: 'v' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'V' },
} as const;

function parseCommandLine() {
  try {
    return parseArgs({ options, strict: true }).values;
  } catch (error) {
    return fail(`${(error as Error).message}\n\n${USAGE}`);
  }
}

const args = parseCommandLine();
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}
if (args.version) {
  // The same relative path from bin/ (in the workspace) and from dist/ (published).
  console.log((JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version);
  process.exit(0);
}

// The flag wins over the environment, which wins over the default.
const port =
  args.port !== undefined
    ? parsePort(args.port, '--port')
    : process.env.PORT
      ? parsePort(process.env.PORT, 'PORT')
      : DEFAULT_PORT;

if (args['transition-ms'] !== undefined && !args.stateful) fail('--transition-ms only applies with --stateful');
if (args.dynamic && args.stateful) fail('--dynamic and --stateful exclude each other: the fake answers from its state');
if (args.seed !== undefined && !args.stateful) fail('--seed only applies with --stateful');
const transitionMs = parseMs(args['transition-ms'], '--transition-ms', 2000);

/** The seed file, parsed; a clear line naming the file (and the field) when it cannot be used. */
function readSeed(path: string): unknown {
  let text;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return fail(`--seed ${path}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    return fail(`--seed ${path}: not JSON: ${(error as Error).message}`);
  }
}
const seed = args.seed === undefined ? undefined : readSeed(args.seed);
const latencyMs = parseMs(args['latency-ms'], '--latency-ms', 0);

const abort = new AbortController();
let mock: MockServer | undefined;
let stopping = false;

async function shutdown() {
  if (stopping) return;
  stopping = true;
  // A start still in progress kills its Prism and rejects with ABORTED; the catch below then exits.
  if (!mock) return abort.abort();
  await mock.stop();
  process.exit(0);
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, shutdown);
if (args['exit-with-parent']) {
  watchStarters(() => {
    console.error('vps-mock: stopping: the process that started it is gone (--exit-with-parent)');
    void shutdown();
  });
} else {
  // `kill $!` after `npx @vps-org/mock &` kills npm exec, which passes the signal to no one: its end is our signal.
  watchRunner(() => {
    console.error('vps-mock: stopping: the npx (npm exec, pnpm) that runs it is gone');
    void shutdown();
  });
}

try {
  mock = await startMock({
    port,
    host: args.host,
    dynamic: args.dynamic,
    stateful: args.stateful,
    transitionMs,
    seed,
    latencyMs,
    signal: abort.signal,
    onOutput: args.verbose ? (line) => console.error(line) : undefined,
  });
} catch (error) {
  if (stopping) process.exit(0);
  if (error instanceof SeedError) fail(`--seed ${args.seed}: ${error.message.replace(/^seed: /, '')}`);
  const { code, message } = error as MockStartError;
  if (code === 'EADDRINUSE') fail(`port ${port} is in use; pass --port (or PORT) with another port, or 0 for a free one`);
  fail(message);
}
// The signal came just as Prism became ready.
if (stopping) {
  await mock.stop();
  process.exit(0);
}
console.log(`VPS.org API mock${args.stateful ? ' (stateful)' : ''} listening on ${mock.url}`);

const exit = await mock.exited;
if (!stopping) {
  const how = exit.signal ? `was killed by ${exit.signal}` : `exited with code ${exit.code}`;
  fail(`Prism ${how} and could not be started again. Its last output:\n${exit.output.map((l) => `  ${l}`).join('\n')}`);
}
