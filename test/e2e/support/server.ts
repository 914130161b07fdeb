import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../../src/server/app';
import { seedDemoAccounts } from '../../../src/server/demo/demoAccounts';
import { seedDemoRecords } from '../../../src/server/demo/demoRecords';
import { migrateToLatest } from '../../../src/server/store/migrations';
import { openDatabase } from '../../../src/server/store/openDatabase';
import { runAdmin } from '../../../src/server/cli/adminCommands';
import type { Db } from '../../../src/server/store/database';
import { Writable } from 'node:stream';
import { DEMO_USERS } from '../../../src/server/demo/demoAccounts';
import { demoSchuldhulp } from '../../../src/server/demo/demoSchuldhulp';
import { demoSnapshot } from '../../../src/server/demo/demoSnapshot';
import { E2E_DIST } from './distDirs';

export interface RunningServer {
  url: string;
  port: number;
  /** `npm run admin -- <args>` on this server's database; resolves with what it printed, rejects if refused. */
  admin(...args: string[]): Promise<string[]>;
  stop(): Promise<void>;
}

/**
 * The real server in this process, as `npm start` runs it (demo accounts and synced demo data on an embedded
 * database), on a free port, or on the given one to "deploy" a new version at the same origin. `demo: false` is
 * a real organisation's server (DEMO=0): no demo accounts, no demo data; its accounts come from `admin`.
 */
export async function startServer(options: { staticDir?: string; port?: number; demo?: boolean; loginsPerMinute?: number } = {}): Promise<RunningServer> {
  const demo = options.demo ?? true;
  const db = openDatabase({ kind: 'sqlite', file: ':memory:' });
  await migrateToLatest(db);
  if (demo) {
    await seedDemoAccounts(db);
    await seedDemoRecords(db);
  }
  // The server logs as in production, into memory: at stop, a browser run's whole log must hold none of the
  // personal data that went through it (see neverLogged).
  const log: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      log.push(chunk.toString('utf8'));
      done();
    },
  });
  const app: FastifyInstance = await buildServer({
    staticDir: options.staticDir ?? E2E_DIST,
    logger: { level: 'info', stream },
    // One address signs in every tablet of a suite: a suite with many tablets raises the per-address limit.
    ...(options.loginsPerMinute ? { auth: { loginRateLimit: { max: options.loginsPerMinute, timeWindowMs: 60_000 } } } : {}),
    demo,
    version: 'e2e',
    database: db,
  });
  app.addHook('onClose', () => db.destroy());
  await app.listen({ port: options.port ?? 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const stop = async () => {
    await app.close();
    const leaked = neverLogged().filter((text) => log.some((line) => line.includes(text)));
    if (log.length === 0) throw new Error('The server logged nothing: the log check below would prove nothing.');
    if (leaked.length > 0) throw new Error(`The server log holds personal data: ${leaked.join(', ')}`);
  };
  return { url: `http://127.0.0.1:${port}`, port, admin: (...args) => admin(db, args), stop };
}

/**
 * What must never reach a log line: the demo clients' names and the words of their notes, every fictitious name and
 * password of the tests, e-mail addresses. A test adds its own typed texts to TYPED below when it types them.
 */
function neverLogged(): string[] {
  const now = new Date();
  const demo = demoSnapshot(now);
  const schuld = demoSchuldhulp(now);
  const labels = [...demo.cases, ...schuld.cases].map((c) => c.body.label);
  const notes = [...demo.notes, ...schuld.notes].map((n) => n.body.observaties.facts).filter((text) => text.length > 12);
  return [...labels, ...notes, ...DEMO_USERS.flatMap((u) => [u.email, u.password, u.displayName]), ...TYPED, '(fictief)', '@testdorp.example'];
}

/** Words the browser tests type that only a person should see. */
const TYPED = ['Brieven van de huisbaas', 'Moeder en twee zonen', 'Stapel ongeopende brieven'];

async function admin(db: Db, args: string[]): Promise<string[]> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runAdmin(args, { db, out: (line) => out.push(line), err: (line) => err.push(line) });
  if (code !== 0) throw new Error(`admin ${args.join(' ')} refused (${code}): ${err.join('\n')}`);
  return out;
}
