#!/usr/bin/env node
// `pnpm start` (after turbo built what it needs): the mock and the docs on 127.0.0.1, until Ctrl-C.
import { startMock } from '@vps-org/mock';
import { serveDocs } from '@vps-org/docs/serve';

const mockPort = Number(process.env.MOCK_PORT ?? 4010);
const docsPort = Number(process.env.DOCS_PORT ?? 8080);

const mock = await startMock({ port: mockPort });
/** @type {{ url: string, stop(): Promise<void> }} */
let docs;
try {
  docs = await serveDocs({ port: docsPort });
} catch (error) {
  await mock.stop();
  throw error;
}

console.log(`Mock API: ${mock.url}  (try: curl -H "Authorization: Bearer vps_test" ${mock.url}/api/v1/servers/)`);
console.log(`API docs: ${docs.url}`);
console.log('Ctrl-C stops both.');

let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  await Promise.allSettled([mock.stop(), docs.stop()]);
  process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
