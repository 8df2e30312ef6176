import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The end-to-end suite starts a mock and runs the built binary: give it time to start, not to be slow.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // The JSON report feeds the "N passed, N failed" line that `pnpm test` prints.
    reporters: ['default', ['json', { outputFile: '.reports/vitest.json' }]],
  },
});
