import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../../src/server/app';
import { seedDemoAccounts } from '../../../src/server/demo/demoAccounts';
import { seedDemoRecords } from '../../../src/server/demo/demoRecords';
import { migrateToLatest } from '../../../src/server/store/migrations';
import { openDatabase } from '../../../src/server/store/openDatabase';

export interface RunningServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * The real server in this process, as `npm start` runs it (demo accounts and synced demo data on an embedded
 * database), on a free port, or on the given one to "deploy" a new version at the same origin.
 */
export async function startServer(options: { staticDir?: string; port?: number; demo?: boolean } = {}): Promise<RunningServer> {
  const db = openDatabase({ kind: 'sqlite', file: ':memory:' });
  await migrateToLatest(db);
  await seedDemoAccounts(db);
  await seedDemoRecords(db);
  const app: FastifyInstance = await buildServer({
    staticDir: options.staticDir ?? 'dist-e2e',
    demo: options.demo ?? true,
    version: 'e2e',
    database: db,
  });
  app.addHook('onClose', () => db.destroy());
  await app.listen({ port: options.port ?? 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, port, stop: () => app.close() };
}
