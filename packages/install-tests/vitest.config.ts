import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // npm installs from the registry (a compiler, a test runner): minutes on a cold cache or a busy machine, never a hang.
    testTimeout: 900_000,
    // Packing runs each package's prepack build: over ten minutes on a machine shared with other test suites.
    hookTimeout: 1_500_000,
    // The JSON report feeds the "N passed, N failed" line that `pnpm test` prints.
    reporters: ['default', ['json', { outputFile: '.reports/vitest.json' }]],
  },
});
