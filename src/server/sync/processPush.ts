import { MAX_PUSH, type MutationResult, type PushItem } from '../../sync/protocol';
import type { UserContext } from '../auth/accessToken';
import type { Db } from '../store/database';
import { isPostgres } from '../store/openDatabase';
import { isUniqueViolation } from '../store/uniqueViolation';
import { bindClient, result } from './clientLog';
import { pushChunk } from './pushChunk';

/**
 * Mutations per transaction. SQLite takes the whole push in one: with synchronous=FULL every commit is an
 * fsync, and there is only one writer anyway. PostgreSQL takes smaller chunks so a scope's row lock is never
 * held for long while other instances wait to write to the same team. Either way each chunk is all-or-nothing.
 */
export const CHUNK_SIZE = { sqlite: MAX_PUSH, postgres: 100 };
const ATTEMPTS = 4;

/**
 * Applies a push in seq order and answers every mutation in the request's order. Safe to run twice at once
 * for the same batch (on any instance): the client lock in pushChunk lets one apply and the other read.
 */
export async function processPush(db: Db, user: UserContext, request: { clientId: string; items: PushItem[] }, now: () => Date = () => new Date()): Promise<MutationResult[]> {
  await bindClient(db, request.clientId, user.userId);
  const ordered = [...request.items].sort((a, b) => a.seq - b.seq);
  const size = isPostgres(db) ? CHUNK_SIZE.postgres : CHUNK_SIZE.sqlite;
  const answers = new Map<string, MutationResult>();
  for (let i = 0; i < ordered.length; i += size) {
    const chunk = ordered.slice(i, i + size);
    const done = await withRetries(() => db.transaction().execute((trx) => pushChunk(trx, user, request.clientId, chunk, now())));
    for (const [id, answer] of done.results) answers.set(id, answer);
    if (done.deferred) break;
  }
  // After a deferral the rest of the push was not looked at: it waits as well.
  return request.items.map((m) => answers.get(m.mutationId) ?? result(m.mutationId, m.seq, 'deferred'));
}

/**
 * A chunk that lost a race is run again from the start: a deadlock or serialisation failure on PostgreSQL,
 * a unique violation (two clients creating the same id at once), a busy SQLite file. Nothing of a failed
 * attempt was committed, and the next attempt sees what the winner committed.
 */
async function withRetries<T>(attempt: () => Promise<T>): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (error) {
      if (n >= ATTEMPTS || !isTransient(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 * n + Math.random() * 10));
    }
  }
}

function isTransient(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null && 'code' in error ? (error as { code: unknown }).code : undefined;
  return isUniqueViolation(error) || code === '40P01' || code === '40001' || code === 'SQLITE_BUSY';
}
