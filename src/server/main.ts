import { readFileSync } from 'node:fs';
import { buildServer } from './app';
import { formatDemoLogins, seedDemoAccounts } from './demo/demoAccounts';
import { seedDemoRecords } from './demo/demoRecords';
import { migrateToLatest } from './store/migrations';
import { databaseConfigFromEnv, describeDatabase, openDatabase } from './store/openDatabase';

/**
 * `npm start`: serve the built app. PORT and HOST as usual; DATABASE_URL for PostgreSQL, otherwise SQLite in
 * data/veldwerk.sqlite (DATABASE_FILE to move it); DEMO=0 turns the fictitious demo data and logins off;
 * TRUST_PROXY behind a reverse proxy.
 */
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '127.0.0.1';
const demo = process.env.DEMO !== '0';
// TRUST_PROXY=1 behind one reverse proxy, or a list of its addresses (see Fastify's trustProxy).
const trustProxy = process.env.TRUST_PROXY === '1' ? true : process.env.TRUST_PROXY || false;

const config = databaseConfigFromEnv();
const db = openDatabase(config);
await migrateToLatest(db);
if (demo) {
  await seedDemoAccounts(db);
  // Also into the synced store, so demo users' devices sync it (/api/demo-snapshot stays for the current app).
  await seedDemoRecords(db);
}

const app = await buildServer({ staticDir: process.env.STATIC_DIR ?? 'dist', demo, version: pkg.version, logger: false, database: db, trustProxy });
app.addHook('onClose', () => db.destroy());
const address = await app.listen({ port, host });
process.stdout.write(`Veldwerk draait op ${address.replace('127.0.0.1', 'localhost')}\n`);
process.stdout.write(`Database: ${describeDatabase(config)}\n`);
if (demo) process.stdout.write(`Demo-gegevens: Voorbeeldstad (fictief). Demo-logins:\n${formatDemoLogins()}\n`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void app.close().then(() => process.exit(0));
  });
}
