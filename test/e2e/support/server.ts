import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../../src/server/app';

export interface RunningServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** The real server in this process, on a free port (or the given one, to "deploy" a new version at the same origin). */
export async function startServer(options: { staticDir?: string; port?: number; demo?: boolean } = {}): Promise<RunningServer> {
  const app: FastifyInstance = await buildServer({
    staticDir: options.staticDir ?? 'dist-e2e',
    demo: options.demo ?? true,
    version: 'e2e',
  });
  await app.listen({ port: options.port ?? 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, port, stop: () => app.close() };
}
