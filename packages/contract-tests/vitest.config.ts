import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One Prism for the whole run, stopped (and checked gone) in its teardown even when tests fail.
    globalSetup: ['./test/global-setup.ts'],
    // Prism answers in milliseconds, but starts in seconds, and a busy runner stretches both many times over:
    // these only bound a hung mock or a stop that never completes.
    testTimeout: 120_000,
    hookTimeout: 600_000,
    teardownTimeout: 120_000,
    // The JSON report feeds the "N passed, N failed" line that `pnpm test` prints.
    reporters: ['default', ['json', { outputFile: '.reports/vitest.json' }]],
  },
});
