import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { buildServer } from './app';
import { parsePublicUrl } from './auth/originCheck';
import { loadDataKeySecret, type DataKeySecret } from './auth/dataKeySecret';
import { DataKeyVault } from './auth/dataKeyVault';
import { activeDemoLogins, formatDemoLogins, seedDemoAccounts } from './demo/demoAccounts';
import { demoExposureWarning } from './demo/demoExposureWarning';
import { closeDatabaseAfterApp, stopOnSignals } from './shutdown';
import { seedDemoRecords } from './demo/demoRecords';
import { migrateToLatest } from './store/migrations';
import { databaseConfigFromEnv, describeDatabase, openDatabase } from './store/openDatabase';
import { parseTrustProxy, type TrustProxy } from './trustProxy';

/**
 * `npm start`: serve the built app. PORT and HOST as usual; DATABASE_URL for PostgreSQL, otherwise SQLite in
 * data/veldwerk.sqlite (DATABASE_FILE to move it); DEMO=0 turns the fictitious demo data and logins off;
 * TRUST_PROXY behind a reverse proxy and PUBLIC_URL (both below); LOG_LEVEL for the JSON log on stdout (info by default, see logging.ts).
 */
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '127.0.0.1';
const demo = process.env.DEMO !== '0';
// TRUST_PROXY: the number of reverse proxies in front (TRUST_PROXY=1: only the address the proxy appended to
// X-Forwarded-For counts, and X-Forwarded-Proto/-Host are believed only when they come from it), or the proxies'
// addresses or CIDR ranges, comma-separated (TRUST_PROXY=127.0.0.1). Never "trust all": `true` or `*` stop the
// start with a message (a client could then choose the address the login limits count). See trustProxy.ts.
let trustProxy: TrustProxy;
try {
  trustProxy = parseTrustProxy(process.env.TRUST_PROXY);
} catch (e) {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
}

// PUBLIC_URL (optional): the address people open, e.g. https://veldwerk.gemeente.example. Refresh and logout
// refuse a request from a page of another origin; without PUBLIC_URL the request's protocol and Host (from a
// trusted proxy: X-Forwarded-Proto/-Host) are the server's own origin. See auth/originCheck.ts.
let publicOrigin: string | undefined;
try {
  publicOrigin = parsePublicUrl(process.env.PUBLIC_URL);
} catch (e) {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
}

const config = databaseConfigFromEnv();

// DATA_KEY_SECRET (or DATA_KEY_SECRET_FILE): protects the people's device data keys the server keeps for recovery
// (auth/dataKeyVault.ts). SQLite without it: a file beside the database, made once. PostgreSQL: required.
let dataKeySecret: DataKeySecret;
try {
  const beside = config.kind === 'sqlite' && config.file !== ':memory:' ? join(dirname(resolve(config.file)), 'data-key.secret') : null;
  if (beside) mkdirSync(dirname(beside), { recursive: true });
  dataKeySecret = loadDataKeySecret(process.env, beside);
} catch (e) {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
}

const db = openDatabase(config);
await migrateToLatest(db);
const seeding = demo ? await seedDemoAccounts(db) : undefined;
// Also into the synced store, so demo users' devices sync it (/api/demo-snapshot stays for the current app).
if (seeding?.seeded) await seedDemoRecords(db);

const logger = { level: process.env.LOG_LEVEL ?? 'info' };
const app = await buildServer({ staticDir: process.env.STATIC_DIR ?? 'dist', demo, version: pkg.version, logger, database: db, trustProxy, auth: { dataKeys: new DataKeyVault(dataKeySecret.secret), ...(publicOrigin ? { publicOrigin } : {}) } });
closeDatabaseAfterApp(app, db);
stopOnSignals(app);
// Said before the address, so nobody reads "it runs" without the warning above it.
const exposed = demoExposureWarning(host, await activeDemoLogins(db));
if (exposed) process.stderr.write(exposed);
const address = await app.listen({ port, host });
process.stdout.write(`Veldwerk draait op ${address.replace('127.0.0.1', 'localhost')}\n`);
process.stdout.write(`Database: ${describeDatabase(config)}\n`);
process.stdout.write(`Sleutelgeheim (data key secret): ${dataKeySecret.source}\n`);
if (seeding?.seeded) process.stdout.write(`Demo-gegevens: Voorbeeldstad (fictief). Demo-logins:\n${formatDemoLogins()}\n`);
if (seeding && !seeding.seeded) process.stdout.write(`Demo niet aangemaakt (demo not seeded): ${seeding.reason}. Start met DEMO=0.\n`);
