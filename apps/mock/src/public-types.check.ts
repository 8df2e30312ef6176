// Compile-time only (`pnpm lint` type-checks it; nothing imports it): the hand-written public types, index.d.ts,
// cannot drift from the code. Every name the package exports is declared and every declared name is exported, and
// each export is assignable to its declaration (it takes what the declaration promises to take, and gives what it
// promises to give).
import type * as declared from './index.js';
import * as implementation from './exports.js';

type Declared = typeof declared;
type Implemented = typeof implementation;

// A name on one side only is an error on this line.
const sameNames: Record<keyof Declared, true> & Record<keyof Implemented, true> = {
  MockStartError: true,
  startMock: true,
  defaultSpecPath: true,
  createFake: true,
  SeedError: true,
  serveHandler: true,
  watchStarters: true,
} satisfies Record<keyof Declared | keyof Implemented, true>;

// An export that does not fit its declaration is an error here, naming it.
const fits: { [K in keyof Declared]: Declared[K] } = implementation satisfies { [K in keyof Declared]: Declared[K] };

export { fits, sameNames };
