import { defineConfig } from 'vitest/config';

/** Browser tests: real server, real build, Debian's Chromium. One file at a time: they share the CPU and ports. */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    globalSetup: ['test/e2e/support/globalSetup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    environment: 'node',
  },
});
