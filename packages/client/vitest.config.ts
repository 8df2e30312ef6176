import { fileURLToPath } from 'node:url';
import { testDefaults } from '@vps-org/testkit/vitest';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The package's `imports` point at dist/: the tests run the source.
  resolve: {
    alias: {
      '#attempt': fileURLToPath(new URL('./src/core/attempt.ts', import.meta.url)),
      '#runtime': fileURLToPath(new URL('./src/core/runtime.ts', import.meta.url)),
    },
  },
  test: {
    ...testDefaults,
    include: ['src/**/*.test.ts'],
    // gc.test.ts forces collections during requests.
    execArgv: ['--expose-gc'],
    typecheck: {
      enabled: true,
      include: ['src/**/*.test-d.ts'],
      tsconfig: './tsconfig.json',
    },
  },
});
