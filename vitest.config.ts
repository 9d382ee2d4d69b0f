import { defineConfig } from 'vitest/config';

// CI asks for a JSON report beside the console one (.ci/run prints its totals).
const json = process.env.VITEST_JSON;

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 120_000,
    // Browser tests each drive a Chromium; two cores do not like more than two at once.
    maxWorkers: 2,
    ...(json ? { reporters: ['default', 'json'], outputFile: { json } } : {}),
  },
});
