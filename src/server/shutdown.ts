import type { FastifyInstance } from 'fastify';
import type { Db } from './store/database';

/** A request still running after this long is cut off: a stop must not hang forever on a stuck client. */
export const SHUTDOWN_GRACE_MS = 30_000;

/**
 * Once the app is stopping, every answer closes its connection. A keep-alive connection would otherwise stay
 * open after the answer to a request that was in flight, and the server's close waits for it (up to the
 * keep-alive timeout, 72 s): the stop would hang although nothing is left to do.
 */
export function closeConnectionsWhenStopping(app: FastifyInstance): void {
  let stopping = false;
  app.addHook('preClose', async () => {
    stopping = true;
  });
  app.addHook('onSend', async (_request, reply) => {
    if (stopping) reply.header('connection', 'close');
  });
}

/**
 * The database closes with the app, and only after every request in flight has been answered: Fastify's close
 * stops accepting connections first, waits for the open requests, and only then runs its onClose hooks (this
 * hook is added before the app is ready, so it runs after Fastify's own server close).
 */
export function closeDatabaseAfterApp(app: FastifyInstance, db: Db): void {
  app.addHook('onClose', async () => {
    await db.destroy();
  });
}

/**
 * SIGTERM (a service manager, a container stop) and SIGINT (Ctrl-C): stop accepting, let a push in flight
 * commit and answer, close the database, exit 0. A second signal does not start a second close.
 */
export function stopOnSignals(app: FastifyInstance, exit: (code: number) => void = (code) => process.exit(code)): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'stopping: answering the requests in flight first');
    setTimeout(() => exit(1), SHUTDOWN_GRACE_MS).unref();
    app.close().then(
      () => exit(0),
      (error: unknown) => {
        app.log.error({ err: error }, 'stopping failed');
        exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
