import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The JSON report feeds the "N passed, N failed" line that `pnpm test` prints.
    reporters: ['default', ['json', { outputFile: '.reports/vitest.json' }]],
    // Every file starts real Prisms: seconds each on a quiet 2-core machine, a minute and more beside CPU hogs and
    // sibling builds. Tests wait for events; these deadlines only end a run that would otherwise hang.
    testTimeout: 240_000,
    hookTimeout: 300_000,
  },
});
