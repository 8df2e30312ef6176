import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // npm installs from the registry: minutes on a cold cache, never a hang.
    testTimeout: 600_000,
    hookTimeout: 1_200_000,
    // The JSON report feeds the "N passed, N failed" line that `pnpm test` prints.
    reporters: ['default', ['json', { outputFile: '.reports/vitest.json' }]],
  },
});
