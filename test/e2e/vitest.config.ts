import { defineConfig } from 'vitest/config';

/**
 * Browser tests: real server, real build, Debian's Chromium. One file at a time: they share the CPU and ports.
 * A failed test gets one second try; the tests that needed it are listed at the end of `npm test`
 * (support/secondTryReporter.ts), so a flaky test stays visible instead of failing a whole run at random.
 */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    globalSetup: ['test/e2e/support/globalSetup.ts'],
    fileParallelism: false,
    testTimeout: 90_000,
    retry: 1,
    reporters: ['default', './test/e2e/support/secondTryReporter.ts'],
    hookTimeout: 120_000,
    environment: 'node',
  },
});
