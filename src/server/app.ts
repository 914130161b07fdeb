import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { demoSnapshot } from './demo/demoSnapshot';
import { apiError } from './apiError';
import { registerAuthRoutes, type AuthOptions } from './auth/authRoutes';
import { installErrorHandler } from './errorHandler';
import { cacheControlFor, inlineScriptHashes, securityHeaders } from './securityHeaders';
import type { Db } from './store/database';
import { migrateToLatest } from './store/migrations';
import { openDatabase } from './store/openDatabase';
import { registerSyncRoutes, type SyncOptions } from './sync/syncRoutes';

export interface ServerOptions {
  /** The built app (Vite's dist folder). */
  staticDir: string;
  /** Serve the fictitious demo data set to fresh devices. */
  demo: boolean;
  version: string;
  logger?: boolean;
  /**
   * Behind a reverse proxy: trust its X-Forwarded-* headers (Fastify's trustProxy), so rate limits count
   * real client addresses and the cookie's Secure flag sees the real protocol. Off by default.
   */
  trustProxy?: boolean | string;
  /**
   * The store, already migrated; the caller owns it and closes it. Without one the server opens a
   * migrated in-memory SQLite database of its own and closes it with the app (tests, e2e).
   */
  database?: Db;
  auth?: AuthOptions;
  sync?: SyncOptions;
}

/** One process serves the built app and /api. */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 1024 * 1024, trustProxy: options.trustProxy ?? false });
  const root = resolve(options.staticDir);
  if (!existsSync(join(root, 'index.html'))) throw new Error(`No built app in ${root}: run "npm run build" first.`);
  const headers = securityHeaders(inlineScriptHashes(readFileSync(join(root, 'index.html'), 'utf8')));
  const db = options.database ?? (await openOwnDatabase(app));
  installErrorHandler(app);
  // Brotli or gzip for the app's files and API answers: a third of the bytes on a slow mobile connection.
  await app.register(fastifyCompress, { global: true, threshold: 1024, encodings: ['br', 'gzip'] });
  await app.register(fastifyCookie);
  // Off by default: only the routes that ask for it (login, refresh) are limited.
  await app.register(fastifyRateLimit, { global: false });

  app.addHook('onSend', async (request, reply) => {
    for (const [name, value] of Object.entries(headers)) reply.header(name, value);
    // API answers hold personal data: no cache anywhere may keep them.
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });

  app.get('/api/health', async () => ({ ok: true, version: options.version }));
  app.get('/api/demo-snapshot', async (_request, reply) => {
    if (!options.demo) return reply.code(404).send(apiError('notFound', 'No demo data on this server.'));
    return demoSnapshot(new Date());
  });
  registerAuthRoutes(app, db, options.auth);
  registerSyncRoutes(app, db, options.sync);
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
