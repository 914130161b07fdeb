import { db, read, write } from './connection';
import { DATA_TABLES, tableFor } from './syncStore';
import { newId } from '../model/ids';
import { aboutOf, type StoredOutboxEntry } from './outbox';
import { TEAM_REMOVED } from '../model/refusals';

/**
 * The server numbers a client's changes densely from 1, while the outbox's own numbers only ever grow. When the
 * queue is rebuilt for a client the server has not seen (local work adopted at sign-in, a server restored from a
 * backup), the device starts a new count: wire seq = outbox seq − this base.
 */
export const SEQ_BASE_KEY = 'seqBase';

/** 'next': the count starts again at the next change sent, whose outbox number is not known yet. */
type SeqBase = number | 'next';

/** The base for a push whose first change has outbox number `firstSeq`; a pending 'next' is fixed by it. */
export function wireSeqBase(firstSeq: number): Promise<number> {
  return write(['meta'], async () => {
    const base = (await db().meta.get(SEQ_BASE_KEY))?.value as SeqBase | undefined;
    if (base !== 'next') return typeof base === 'number' ? base : 0;
    await db().meta.put({ key: SEQ_BASE_KEY, value: firstSeq - 1 });
    return firstSeq - 1;
  });
}

export const SERVER_EPOCH_KEY = 'serverEpoch';

/**
 * The server's data came back from a backup older than this device's state (its epoch changed). In one
 * transaction: the device becomes a new client to the server (a fresh id, numbering from 1 again, so nothing is
 * deferred for ever or applied twice), forgets every cursor so each scope is copied afresh, and drops the rows
 * it holds from the server, except those its unsent changes are about. The unsent changes stay, in order,
 * numbered again from 1.
 */
export function startOverAfterRestore(epoch: string): Promise<void> {
  return write([...DATA_TABLES, 'outbox', 'syncScopes', 'meta'], async () => {
    const d = db();
    const pending = await d.outbox.orderBy('seq').toArray();
    const keep = new Set(pending.map((entry) => aboutOf(entry).id));
    for (const table of DATA_TABLES) {
      const ids = (await tableFor(table).toCollection().primaryKeys()) as string[];
      await tableFor(table).bulkDelete(ids.filter((id) => !keep.has(id)));
    }
    // Refused changes get another chance against the restored server; discarded ones are simply gone. All are
    // numbered again, densely and in their order: changes answered before the restore left holes in the outbox's
    // numbers, and the new client's count must have none (a gap would defer every change after it for ever).
    // One whose team the person no longer has stays set aside: it would only be refused again.
    const again = pending
      .filter((entry) => entry.status !== 'discarded')
      .map(({ seq: _old, withdraw: _place, ...entry }): StoredOutboxEntry =>
        entry.status === 'needsAttention' && entry.error === TEAM_REMOVED ? { ...entry, withdraw: true } : { ...entry, status: 'pending', error: undefined },
      );
    await d.outbox.clear();
    const seqs = (await d.outbox.bulkAdd(again, { allKeys: true })) as number[];
    await d.syncScopes.clear();
    await d.meta.put({ key: 'clientId', value: newId() });
    await d.meta.put({ key: SEQ_BASE_KEY, value: seqs[0] !== undefined ? seqs[0] - 1 : 'next' });
    await d.meta.put({ key: SERVER_EPOCH_KEY, value: epoch });
  });
}

/** Compares the epoch of a server answer with the one this device knows; the first one seen is remembered. */
export async function checkServerEpoch(epoch: string | undefined): Promise<'same' | 'restored'> {
  if (epoch === undefined) return 'same';
  // Every answer is checked: the usual case (the epoch already known) is one read, not a write transaction.
  if ((await read(() => db().meta.get(SERVER_EPOCH_KEY)))?.value === epoch) return 'same';
  return write(['meta'], async () => {
    const known = (await db().meta.get(SERVER_EPOCH_KEY))?.value;
    if (known === undefined) await db().meta.put({ key: SERVER_EPOCH_KEY, value: epoch });
    return known === undefined || known === epoch ? 'same' : 'restored';
  });
}
