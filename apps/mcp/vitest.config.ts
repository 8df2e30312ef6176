import { testDefaults } from '@vps-org/testkit/vitest';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    ...testDefaults,
    include: ['test/**/*.test.ts'],
    // Each end-to-end file starts the stateful mock (Prism) and the built server: one file at a time on a shared
    // machine.
    fileParallelism: false,
  },
});
