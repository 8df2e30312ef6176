import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // The JSON report feeds the "N passed, N failed" line that `pnpm test` prints.
    reporters: ['default', ['json', { outputFile: '.reports/vitest.json' }]],
    // Prism and Chromium take seconds to start; a page test drives several navigations.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
