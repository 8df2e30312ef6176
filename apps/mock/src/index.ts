// @vps-org/mock: the VPS.org API mock (Prism 5 on the bundled spec), for tests and other teams' CI. The build
// bundles the declarations tsc derives from this file into the published index.d.ts, so the types consumers get are
// the code's own.
export type { Fake, MockExit, MockServer, RestartReport, StartMockOptions, ViolationReport } from './types.js';
export { MockStartError, startMock } from './start-mock.js';
export { defaultSpecPath } from './prism.js';
export { createFake } from './stateful/fake.js';
export { SeedError } from './stateful/state.js';
export { serveHandler } from './stateful/node-adapter.js';
export { watchStarters } from './lifeline/starter.js';
