import { defineConfig } from 'vitest/config';
import { testDefaults } from './src/vitest-defaults.js';

export default defineConfig({
  test: { ...testDefaults },
});
