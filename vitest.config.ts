import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 120_000,
    // Browser tests share one Chromium per file; two cores do not like more than two at once.
    maxWorkers: 2,
  },
});
