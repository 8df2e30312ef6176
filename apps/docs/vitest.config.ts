import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // The JSON report feeds the "N passed, N failed" line that `pnpm test` prints.
    reporters: ['default', ['json', { outputFile: '.reports/vitest.json' }]],
    // Prism and Chromium take seconds to start on a quiet machine and minutes on a busy runner; a page test drives
    // several navigations. The bounds only stop a hang.
    testTimeout: 300_000,
    hookTimeout: 600_000,
    // expect.poll waits for the page to show something; its 1 s default is a guess a busy runner breaks.
    expect: { poll: { timeout: 60_000 } },
  },
});
