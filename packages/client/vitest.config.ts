import { testDefaults } from '@vps-org/testkit/vitest';
import { defineConfig } from 'vitest/config';

export default defineConfig({
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
