import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // These only bound a hang: the tests start programs, compare specs and call mocks, and wait for them to finish
    // (on a busy machine a child node process alone can take seconds to start).
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // The JSON report feeds the "N passed, N failed" line that `pnpm test` prints.
    reporters: ['default', ['json', { outputFile: '.reports/vitest.json' }]],
  },
});
