import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // gc.test.ts forces collections during requests.
    execArgv: ['--expose-gc'],
    // Every test waits for events; a busy machine (two CPU hogs beside the suite) may take seconds for one of them.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // The JSON report feeds the "N passed, N failed" line that `pnpm test` prints.
    reporters: ['default', ['json', { outputFile: '.reports/vitest.json' }]],
    typecheck: {
      enabled: true,
      include: ['src/**/*.test-d.ts'],
      tsconfig: './tsconfig.json',
    },
  },
});
