import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Db } from './store/database';

/** A database that takes longer than this to answer `select 1` counts as unreachable. */
export const DATABASE_TIMEOUT_MS = 2000;

export interface Health {
  /** The process is up and answering (always true in an answer: a dead process answers nothing). */
  ok: true;
  version: string;
  database: 'reachable' | 'unreachable';
}

/**
 * GET /api/health: 200 when the process is up and its database answers within 2 s, 503 (same shape,
 * `database: 'unreachable'`) when only the process is up, so a load balancer can take this instance out.
 * The app's reachability check (src/sync/status.ts) counts both as "the server is there". Its own log lines
 * are left out below warnings: every device asks twice a minute.
 */
export function registerHealthRoute(app: FastifyInstance, db: Db, version: string, timeoutMs = DATABASE_TIMEOUT_MS): void {
  app.get('/api/health', { logLevel: 'warn' }, async (_request, reply) => {
    const database = (await databaseAnswers(db, timeoutMs)) ? 'reachable' : 'unreachable';
    const health: Health = { ok: true, version, database };
    return reply.code(database === 'reachable' ? 200 : 503).send(health);
  });
}

export async function databaseAnswers(db: Db, timeoutMs: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([sql`select 1`.execute(db).then(() => true, () => false), late]);
  } finally {
    clearTimeout(timer);
  }
}
