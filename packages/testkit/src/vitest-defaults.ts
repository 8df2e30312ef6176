// What every package's vitest config shares. The bounds are hang guards sized for a busy, shared 2-core runner (a
// Prism or Chromium start, an npm install, a spawned CLI all take many times longer there than on a quiet machine):
// a test waits for the event it needs, and these only end one that never comes. They are never a test's subject.
import type { ViteUserConfig } from 'vitest/config';

type TestConfig = NonNullable<ViteUserConfig['test']>;

export const testDefaults = {
  // The JSON report feeds the "N passed, N failed" line that `pnpm test` prints.
  reporters: ['default', ['json', { outputFile: '.reports/vitest.json' }]],
  testTimeout: 300_000,
  hookTimeout: 600_000,
  teardownTimeout: 120_000,
  // expect.poll's own default (1 s) is a guess a busy runner breaks.
  expect: { poll: { timeout: 60_000 } },
} satisfies TestConfig;
