import { defineConfig } from 'vitest/config';

/**
 * Server integration tests: every file runs its suite against SQLite in memory and against PostgreSQL
 * (TEST_DATABASE_URL). One file at a time: they share one PostgreSQL and the CPU for argon2.
 */
export default defineConfig({
  test: {
    include: ['test/server/**/*.test.ts'],
    globalSetup: ['test/server/support/globalSetup.ts'],
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    environment: 'node',
  },
});
