import { sql } from 'kysely';
import type { MutationResult, Outcome } from '../../sync/protocol';
import { ServerError } from '../serverError';
import type { Db } from '../store/database';

/**
 * A client id is bound to the user who first pushes with it: another user presenting it (a copied id, a
 * shared tablet without its own local database) would otherwise read that client's stored answers.
 */
export async function bindClient(db: Db, clientId: string, userId: string): Promise<void> {
  let owner = await clientOwner(db, clientId);
  if (owner === undefined) {
    const at = new Date().toISOString();
    await db
      .insertInto('sync_clients')
      .values({ client_id: clientId, user_id: userId, last_seq: 0, first_seen_at: at, last_seen_at: at })
      .onConflict((oc) => oc.column('client_id').doNothing())
      .execute();
    owner = await clientOwner(db, clientId);
  }
  if (owner !== userId) throw new ServerError(403, 'forbidden', 'This client id belongs to another user.');
}

/**
 * The client's row lock and its last processed seq, as the first statement of a push transaction. Every push
 * of one client (a retry, a duplicate on another instance) waits here until the other commits, and then sees
 * its stored answers: this lock is what claims a mutation id. On SQLite this first write takes the database's
 * write lock, so the transaction can no longer be overtaken by another process.
 */
export async function lockClient(db: Db, clientId: string): Promise<number> {
  const row = await db
    .updateTable('sync_clients')
    .set({ last_seq: sql<number>`last_seq` })
    .where('client_id', '=', clientId)
    .returning('last_seq')
    .executeTakeFirst();
  if (!row) throw new Error(`Client ${clientId} is not bound: bindClient first.`);
  return Number(row.last_seq);
}

export async function advanceClient(db: Db, clientId: string, lastSeq: number): Promise<void> {
  await db.updateTable('sync_clients').set({ last_seq: lastSeq }).where('client_id', '=', clientId).where('last_seq', '<', lastSeq).execute();
}

/** The answers already given to any of these mutation ids of this client. */
export async function storedResults(db: Db, clientId: string, mutationIds: string[]): Promise<Map<string, MutationResult>> {
  if (mutationIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('client_mutations')
    .select(['mutation_id', 'seq', 'outcome', 'error'])
    .where('client_id', '=', clientId)
    .where('mutation_id', 'in', [...new Set(mutationIds)])
    .execute();
  return new Map(rows.map((r) => [r.mutation_id, result(r.mutation_id, Number(r.seq), r.outcome as Outcome, r.error)]));
}

/** Stores the answers in the transaction of their effects: a retry after a lost reply gets exactly these. */
export async function storeResults(db: Db, clientId: string, results: MutationResult[], now: Date): Promise<void> {
  const at = now.toISOString();
  for (let i = 0; i < results.length; i += 500) {
    await db
      .insertInto('client_mutations')
      .values(results.slice(i, i + 500).map((r) => ({ client_id: clientId, mutation_id: r.mutationId, seq: r.seq, outcome: r.outcome, error: r.error ?? null, created_at: at })))
      .execute();
  }
}

export function result(mutationId: string, seq: number, outcome: Outcome, error?: string | null): MutationResult {
  return error ? { mutationId, seq, outcome, error } : { mutationId, seq, outcome };
}

async function clientOwner(db: Db, clientId: string): Promise<string | undefined> {
  const row = await db.selectFrom('sync_clients').select('user_id').where('client_id', '=', clientId).executeTakeFirst();
  return row?.user_id;
}
