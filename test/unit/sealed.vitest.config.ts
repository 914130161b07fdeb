import { defineConfig } from 'vitest/config';
import app from '../../vite.config';

/** The database and sync unit tests again, with a data key in memory: client data sealed at rest (issue 13). */
export default defineConfig({
  define: app.define,
  test: {
    include: ['test/unit/db/**/*.test.ts', 'test/unit/sync/**/*.test.ts'],
    setupFiles: ['fake-indexeddb/auto', 'test/unit/sealedPass.setup.ts'],
    environment: 'node',
  },
});
