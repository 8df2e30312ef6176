// Two mocks for the whole run: the stateless Prism mock and the stateful fake behind Prism's proxy. The teardown
// runs whether tests passed or failed, stops both, and fails the run if any process of either Prism's group is
// still alive afterwards, or if Prism found any answer of the stateful fake in violation of the spec.
import { startMock, type ViolationReport } from '@vps-org/mock';
import type { TestProject } from 'vitest/node';
import { processGroup } from '@vps-org/testkit/processes';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of the mock, e.g. `http://127.0.0.1:41234`. */
    mockUrl: string;
    /** Pid of the mock's Prism, which leads its own process group. */
    mockPid: number;
    /** Base URL of the stateful mock (`startMock({ stateful: true })`). */
    statefulUrl: string;
    /** Pid of the stateful mock's Prism (its validating proxy). */
    statefulPid: number;
    /** The stateful mock's transition delay (provisioning, start, stop, reboot), in ms. */
    statefulTransitionMs: number;
  }
}

// Long enough that a test sees `provisioning`, short enough that waiting for `active` costs little.
const TRANSITION_MS = 300;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const violations: ViolationReport[] = [];
  const [mock, stateful] = await Promise.all([
    startMock(),
    startMock({ stateful: true, transitionMs: TRANSITION_MS, onViolation: (report) => violations.push(report) }),
  ]);
  project.provide('mockUrl', mock.url);
  project.provide('mockPid', mock.pid);
  project.provide('statefulUrl', stateful.url);
  project.provide('statefulPid', stateful.pid);
  project.provide('statefulTransitionMs', TRANSITION_MS);
  return async function teardown() {
    await Promise.all([mock.stop(), stateful.stop()]);
    const left = [...processGroup(mock.pid), ...processGroup(stateful.pid)];
    const problems: string[] = [];
    if (left.length) {
      problems.push(`a mock's Prism outlived stop(): still running:\n${left.map((p) => `  ${p.pid} ${p.cmdline}`).join('\n')}`);
    }
    if (violations.length) {
      problems.push(`Prism found answers of the stateful fake in violation of the spec:\n${violations.map((v) => `  ${v.method} ${v.path}: ${JSON.stringify(v.violations)}`).join('\n')}`);
    }
    if (problems.length) {
      // vitest 4 only logs an error thrown here ("error during close") and still exits 0: fail the process too.
      process.exitCode = 1;
      throw new Error(problems.join('\n'));
    }
  };
}
