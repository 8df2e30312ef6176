import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The JSON report feeds the "N passed, N failed" line that `pnpm test` prints.
    reporters: ['default', ['json', { outputFile: '.reports/vitest.json' }]],
    // Every test starts a real Prism: a few seconds each on a 2-core machine, more while sibling packages build.
    testTimeout: 60_000,
    hookTimeout: 90_000,
  },
});
