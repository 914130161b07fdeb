import { db } from './connection';
import { newId } from '../model/ids';
import type { Mutation, OutboxEntry } from '../model/mutation';

/** Must run inside the transaction of the change it describes, so the effect and its queue entry land together. */
export async function queue(mutation: Mutation, now: Date): Promise<void> {
  await db().outbox.add({
    mutationId: newId(now.getTime()),
    createdAt: now.toISOString(),
    status: 'pending',
    mutation,
  });
}

export function countWaiting(): Promise<number> {
  return db().outbox.count();
}

export function listOutbox(): Promise<OutboxEntry[]> {
  return db().outbox.orderBy('seq').toArray();
}
