import { defineConfig } from 'vitest/config';

// CI asks for a JSON report beside the console one (.ci/run prints its totals).
const json = process.env.VITEST_JSON;

export default defineConfig({
  test: {
    testTimeout: 20_000,
    hookTimeout: 120_000,
    // Browser tests each drive a Chromium; two cores do not like more than two at once.
    maxWorkers: 2,
    // What a test may change globally is put back after it (needed where files share a worker).
    unstubGlobals: true,
    unstubEnvs: true,
    restoreMocks: true,
    // On two busy cores a browser may take seconds to show what the server pushed; the 1 s
    // default turned slow passes into red runs. A real failure still fails, only later.
    expect: { poll: { timeout: 10_000, interval: 100 } },
    ...(json ? { reporters: ['default', 'json'], outputFile: { json } } : {}),
    projects: [
      {
        extends: true,
        // One module graph per worker, not one per file: re-importing express, socket.io and
        // zod for each of ~160 files cost more than the tests themselves. These files start
        // their own servers and stores and leave nothing global behind.
        test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: ['test/e2e/**'], isolate: false },
      },
      {
        extends: true,
        // The browser files share their worker's modules too: each one launches its own
        // Chromium and server and closes them, and re-importing the server for each of ~40
        // files cost 2–3 s a file on an idle machine (12 s under load), more than many tests.
        test: { name: 'browser', include: ['test/e2e/**/*.test.ts'], isolate: false },
      },
    ],
  },
});
