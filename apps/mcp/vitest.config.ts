import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Each end-to-end file starts the stateful mock (Prism) and the built server: one file at a time on a shared
    // machine, with minutes to start rather than seconds.
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // The JSON report feeds the "N passed, N failed" line that `pnpm test` prints.
    reporters: ['default', ['json', { outputFile: '.reports/vitest.json' }]],
  },
});
