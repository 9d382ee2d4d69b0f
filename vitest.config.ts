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
    // On two busy cores a browser may take seconds to show what the server pushed; the 1 s
    // default turned slow passes into red runs. A real failure still fails, only later.
    expect: { poll: { timeout: 10_000, interval: 100 } },
    ...(json ? { reporters: ['default', 'json'], outputFile: { json } } : {}),
  },
});
