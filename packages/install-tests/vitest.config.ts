import { testDefaults } from '@vps-org/testkit/vitest';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    ...testDefaults,
    include: ['test/**/*.test.ts'],
    // Each test runs npm in a fresh project (installs, packs, tsc): minutes on a cold cache or a busy runner.
    testTimeout: 600_000,
    hookTimeout: 1_200_000,
  },
});
