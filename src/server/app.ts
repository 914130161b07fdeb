import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { demoSnapshot } from './demo/demoSnapshot';
import { apiError } from './apiError';
import { cacheControlFor, SECURITY_HEADERS } from './securityHeaders';

export interface ServerOptions {
  /** The built app (Vite's dist folder). */
  staticDir: string;
  /** Serve the fictitious demo data set to fresh devices. */
  demo: boolean;
  version: string;
  logger?: boolean;
}

/** One process serves the built app and /api. */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 1024 * 1024 });
  const root = resolve(options.staticDir);
  if (!existsSync(join(root, 'index.html'))) throw new Error(`No built app in ${root}: run "npm run build" first.`);

  app.addHook('onSend', async (request, reply) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) reply.header(name, value);
    // API answers hold personal data: no cache anywhere may keep them.
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });

  app.get('/api/health', async () => ({ ok: true, version: options.version }));
  app.get('/api/demo-snapshot', async (_request, reply) => {
    if (!options.demo) return reply.code(404).send(apiError('notFound', 'No demo data on this server.'));
    return demoSnapshot(new Date());
  });
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

/** A deep link of the app (no file extension, not the API). A missing asset must stay a 404, not become HTML. */
function isAppRoute(method: string, url: string): boolean {
  const path = url.split('?')[0] ?? '';
  return (method === 'GET' || method === 'HEAD') && !path.startsWith('/api/') && !/\.[a-z0-9]+$/i.test(path);
}
