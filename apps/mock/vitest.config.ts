import { testDefaults } from '@vps-org/testkit/vitest';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { ...testDefaults },
});
