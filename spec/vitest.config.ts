import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The JSON report feeds the "N passed, N failed" line that `pnpm test` prints.
    reporters: ['default', ['json', { outputFile: '.reports/vitest.json' }]],
    // The lint and i18n tests run Spectral, Redocly and node scripts as processes: seconds on a quiet machine, a
    // minute or more on a busy runner. The bound only stops a hang.
    testTimeout: 300_000,
  },
});
