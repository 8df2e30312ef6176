import { testDefaults } from '@vps-org/testkit/vitest';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    ...testDefaults,
    include: ['test/**/*.test.ts'],
    // npm installs from the registry (a compiler, a test runner): minutes on a cold cache or a busy machine, never a hang.
    testTimeout: 900_000,
    // Packing runs each package's prepack build: over ten minutes on a machine shared with other test suites.
    hookTimeout: 1_500_000,
  },
});
