#!/usr/bin/env node
// `pnpm start` (after turbo built what it needs): the mock and the docs on 127.0.0.1, until Ctrl-C, SIGTERM, or
// the death of whatever started it (pnpm does not pass SIGTERM on, so the parent is watched as well).
import { startMock } from '@vps-org/mock';
import { serveDocs } from '@vps-org/docs/serve';

/** @param {string} message @returns {never} */
function fail(message) {
  console.error(`pnpm start: ${message}`);
  process.exit(1);
}

/** The port in `name`, else `fallback`; anything but a whole number from 0 to 65535 ends the run with one line. */
function portFrom(/** @type {string} */ name, /** @type {number} */ fallback) {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  if (!/^\d+$/.test(value) || Number(value) > 65535) fail(`${name} must be a port number from 0 to 65535, got "${value}"`);
  return Number(value);
}

/** One line for a port that is taken, naming the variable that moves it; other errors as their message. */
function startError(/** @type {unknown} */ error, /** @type {string} */ name, /** @type {number} */ port) {
  const { code, message } = /** @type {{ code?: string, message?: string }} */ (error);
  if (code === 'EADDRINUSE') return `port ${port} is in use; set ${name} to another port (or 0 for a free one)`;
  return `${name === 'MOCK_PORT' ? 'the mock' : 'the docs server'} did not start: ${String(message ?? error).split('\n')[0]}`;
}

const mockPort = portFrom('MOCK_PORT', 4010);
const docsPort = portFrom('DOCS_PORT', 8080);

const mock = await startMock({ port: mockPort }).catch((error) => fail(startError(error, 'MOCK_PORT', mockPort)));
/** @type {{ url: string, stop(): Promise<void> }} */
let docs;
try {
  docs = await serveDocs({ port: docsPort });
} catch (error) {
  await mock.stop();
  fail(startError(error, 'DOCS_PORT', docsPort));
}

console.log(`Mock API: ${mock.url}  (try: curl -H "Authorization: Bearer vps_test" ${mock.url}/api/v1/servers/)`);
console.log(`API docs: ${docs.url}`);
console.log('Ctrl-C stops both.');

let stopping = false;
async function shutdown(code = 0) {
  if (stopping) return;
  stopping = true;
  await Promise.allSettled([mock.stop(), docs.stop()]);
  process.exit(code);
}
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) process.on(signal, () => shutdown());
// When the parent goes (pnpm killed by pid, a closed terminal), this process is re-parented: stop then too.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) void shutdown();
}, 500).unref();
mock.exited.then((exit) => {
  if (!stopping) {
    console.error(`pnpm start: the mock stopped (${exit.signal ?? `code ${exit.code}`}); stopping the docs too`);
    void shutdown(1);
  }
});
