import { testDefaults } from '@vps-org/testkit/vitest';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    ...testDefaults,
    include: ['test/**/*.test.ts'],
    // One Prism for the whole run, stopped (and checked gone) in its teardown even when tests fail.
    globalSetup: ['./test/global-setup.ts'],
  },
});
