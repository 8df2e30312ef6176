import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The JSON report feeds the "N passed, N failed" line that `pnpm test` prints.
    reporters: ['default', ['json', { outputFile: '.reports/vitest.json' }]],
  },
});
