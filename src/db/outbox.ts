import { db } from './connection';
import { newId } from '../model/ids';
import { baseVersions, type Mutation, type OutboxEntry } from '../model/mutation';
import type { Row } from '../model/rows';

/**
 * Must run inside the transaction of the change it describes, so the effect and its queue entry land together.
 * `prev` is the row as it was before the change: its field versions are the base the server merges against.
 */
export async function queue(mutation: Mutation, now: Date, prev?: Pick<Row<unknown>, 'fields'>): Promise<void> {
  await db().outbox.add({
    mutationId: newId(now.getTime()),
    createdAt: now.toISOString(),
    status: 'pending',
    mutation,
    base: baseVersions(mutation, prev),
  });
}

export function listOutbox(): Promise<OutboxEntry[]> {
  return db().outbox.orderBy('seq').toArray();
}
