import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { registerMembershipRoutes } from './admin/membershipRoutes';
import { registerPeopleRoutes } from './admin/peopleRoutes';
import { registerSettingsRoutes } from './admin/settingsRoutes';
import { registerTeamRoutes } from './admin/teamRoutes';
import { demoSnapshot } from './demo/demoSnapshot';
import { apiError } from './apiError';
import { registerAuthRoutes, type AuthOptions } from './auth/authRoutes';
import { registerAuditRoutes } from './admin/auditRoutes';
import { registerDeviceRoutes } from './admin/deviceRoutes';
import { installDeviceGate } from './devices/deviceGate';
import { installErrorHandler } from './errorHandler';
import { registerHealthRoute } from './health';
import { loggerOptions, type LogSettings } from './logging';
import { cacheControlFor, inlineScriptHashes, securityHeaders } from './securityHeaders';
import { closeConnectionsWhenStopping } from './shutdown';
import { fastifyTrustProxy, type TrustProxy } from './trustProxy';
import type { Db } from './store/database';
import { migrateToLatest } from './store/migrations';
import { readServerEpoch } from './store/serverEpoch';
import { openDatabase } from './store/openDatabase';
import { registerSyncRoutes, type SyncOptions } from './sync/syncRoutes';

export interface ServerOptions {
  /** The built app (Vite's dist folder). */
  staticDir: string;
  /** Serve the fictitious demo data set to fresh devices. */
  demo: boolean;
  version: string;
  /** Fastify's logger in JSON (see logging.ts): true for stdout at 'info', or where and how much. Off by default. */
  logger?: boolean | LogSettings;
  /**
   * Behind a reverse proxy: which X-Forwarded-* headers to believe (see trustProxy.ts), so login limits count
   * real client addresses and the cookie's Secure flag sees the real protocol. A hop count or the proxies'
   * addresses, never "all". Off by default.
   */
  trustProxy?: TrustProxy;
  /**
   * The store, already migrated; the caller owns it and closes it. Without one the server opens a
   * migrated in-memory SQLite database of its own and closes it with the app (tests, e2e).
   */
  database?: Db;
  auth?: AuthOptions;
  sync?: SyncOptions;
  /** How long /api/health waits for the database (2 s; shorter in tests). */
  healthTimeoutMs?: number;
}

/** One process serves the built app and /api. */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const logging = loggerOptions(typeof options.logger === 'object' ? options.logger : {});
  const app = Fastify({
    ...logging,
    logger: options.logger ? logging.logger : false,
    bodyLimit: 1024 * 1024,
    trustProxy: fastifyTrustProxy(options.trustProxy ?? false),
  });
  const root = resolve(options.staticDir);
  if (!existsSync(join(root, 'index.html'))) throw new Error(`No built app in ${root}: run "npm run build" first.`);
  const headers = securityHeaders(inlineScriptHashes(readFileSync(join(root, 'index.html'), 'utf8')));
  const db = options.database ?? (await openOwnDatabase(app));
  // Made now if it is missing (a database restored without it), so the first answers already carry it.
  await readServerEpoch(db);
  installErrorHandler(app);
  closeConnectionsWhenStopping(app);
  // Brotli or gzip for the app's files and API answers: a third of the bytes on a slow mobile connection.
  await app.register(fastifyCompress, { global: true, threshold: 1024, encodings: ['br', 'gzip'] });
  await app.register(fastifyCookie);
  installDeviceGate(app, db);
  // Off by default: only the routes that ask for it (login, refresh) are limited.
  await app.register(fastifyRateLimit, { global: false });

  app.addHook('onSend', async (request, reply) => {
    for (const [name, value] of Object.entries(headers)) reply.header(name, value);
    // The id of this request's log lines, so a user's report or the proxy's log can be matched to them.
    reply.header('x-request-id', request.id);
    // API answers hold personal data: no cache anywhere may keep them.
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });

  registerHealthRoute(app, db, options.version, options.healthTimeoutMs);
  app.get('/api/demo-snapshot', async (_request, reply) => {
    if (!options.demo) return reply.code(404).send(apiError('notFound', 'No demo data on this server.'));
    return demoSnapshot(new Date());
  });
  registerAuthRoutes(app, db, options.auth);
  registerSyncRoutes(app, db, options.sync);
  const now = options.auth?.now ?? Date.now;
  registerPeopleRoutes(app, db, now);
  registerTeamRoutes(app, db, now);
  registerMembershipRoutes(app, db, now);
  registerSettingsRoutes(app, db, now);
  registerDeviceRoutes(app, db);
  registerAuditRoutes(app, db);
  app.all('/api/*', async (_request, reply) => reply.code(404).send(apiError('notFound', 'Unknown API route.')));

  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    index: false,
    cacheControl: false,
    etag: true,
    lastModified: true,
    setHeaders: (res, path) => {
      const rel = `/${path.slice(root.length + 1).split('\\').join('/')}`;
      res.setHeader('cache-control', cacheControlFor(rel));
      if (rel === '/sw.js') res.setHeader('service-worker-allowed', '/');
    },
  });

  // Deep links (/dossiers/…, /partners/…) get the app shell; the app routes them. The service worker does the same offline.
  app.setNotFoundHandler(async (request, reply) => {
    if (!isAppRoute(request.method, request.url)) return reply.code(404).send(apiError('notFound', 'Not found.'));
    reply.header('cache-control', 'no-cache');
    return reply.type('text/html; charset=utf-8').sendFile('index.html');
  });
  return app;
}

async function openOwnDatabase(app: FastifyInstance): Promise<Db> {
  const db = openDatabase({ kind: 'sqlite', file: ':memory:' });
  await migrateToLatest(db);
  app.addHook('onClose', () => db.destroy());
  return db;
}

/** A deep link of the app (no file extension, not the API). A missing asset must stay a 404, not become HTML. */
function isAppRoute(method: string, url: string): boolean {
  const path = url.split('?')[0] ?? '';
  return (method === 'GET' || method === 'HEAD') && !path.startsWith('/api/') && !/\.[a-z0-9]+$/i.test(path);
}
