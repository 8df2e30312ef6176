// What the package exports (index.js re-exports it): kept apart so that public-types.check.ts can hold the
// hand-written index.d.ts against the implementation.
export { MockStartError, startMock } from './start-mock.js';
export { defaultSpecPath } from './prism.js';
export { createFake } from './stateful/fake.js';
export { SeedError } from './stateful/state.js';
export { serveHandler } from './stateful/node-adapter.js';
export { watchStarters } from './lifeline/starter.js';
