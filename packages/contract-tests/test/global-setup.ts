// One Prism mock for the whole run. Its teardown runs whether tests passed or failed, stops the mock, and fails the
// run if any process of Prism's group is still alive afterwards.
import { startMock } from '@vps-org/mock';
import type { TestProject } from 'vitest/node';
import { processGroup } from '@vps-org/testkit/processes';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of the mock, e.g. `http://127.0.0.1:41234`. */
    mockUrl: string;
    /** Pid of the mock's Prism, which leads its own process group. */
    mockPid: number;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const mock = await startMock();
  project.provide('mockUrl', mock.url);
  project.provide('mockPid', mock.pid);
  return async function teardown() {
    await mock.stop();
    const left = processGroup(mock.pid);
    if (left.length) {
      // vitest 4 only logs an error thrown here ("error during close") and still exits 0: fail the process too.
      process.exitCode = 1;
      throw new Error(
        `the mock's Prism outlived stop(): still running in process group ${mock.pid}:\n` +
          left.map((p) => `  ${p.pid} ${p.cmdline}`).join('\n'),
      );
    }
  };
}
