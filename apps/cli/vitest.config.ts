import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The end-to-end suite starts a mock and runs the built binary many times over: a minute on a quiet machine,
    // several on a busy runner. The bounds only stop a hang.
    testTimeout: 300_000,
    hookTimeout: 300_000,
    // The JSON report feeds the "N passed, N failed" line that `pnpm test` prints.
    reporters: ['default', ['json', { outputFile: '.reports/vitest.json' }]],
  },
});
