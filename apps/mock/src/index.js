// @vps-org/mock: the VPS.org API mock (Prism 5 on the bundled spec), for tests and other teams' CI.
export { MockStartError, startMock } from './start-mock.js';
export { defaultSpecPath } from './prism.js';
export { createFake } from './stateful/fake.js';
export { serveHandler } from './stateful/node-adapter.js';
export { watchStarters } from './lifeline/starter.js';
