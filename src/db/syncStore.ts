import type { Table } from 'dexie';
import { db, read, write } from './connection';
import type { SyncScope } from './schema';
import { newId } from '../model/ids';
import type { OutboxEntry } from '../model/mutation';
import { overlay, targetId } from '../model/overlay';

export type { SyncScope };

const DATA_TABLES = ['cases', 'notes', 'followUps', 'partners', 'examples', 'instrumentRuns'] as const;
type DataTable = (typeof DATA_TABLES)[number];

/** A row as sync delivers it, already in the shape the device stores (see sync/client for the mapping). */
export interface IncomingRow {
  collection: DataTable;
  id: string;
  deleted: boolean;
  row: Record<string, unknown>;
}

export interface Acknowledgement {
  mutationId: string;
  outcome: 'applied' | 'conflict' | 'rejected' | 'deferred';
  error?: string;
}

/** This device's id towards the server: made once, kept with the data it numbers the changes of. */
export function clientId(): Promise<string> {
  return write(['meta'], async () => {
    const existing = (await db().meta.get('clientId'))?.value;
    if (typeof existing === 'string') return existing;
    const id = newId();
    await db().meta.put({ key: 'clientId', value: id });
    return id;
  });
}

/** The oldest changes still to send, in the order they were made. */
export function pendingBatch(limit: number): Promise<OutboxEntry[]> {
  return read(async () => (await db().outbox.orderBy('seq').filter((e) => e.status === 'pending').limit(limit).toArray()));
}

/**
 * What the server said of each sent change. Applied or merged-with-conflict: done, off the queue (a conflict
 * now lives on the row). Refused: kept, marked for the user's attention. Deferred: kept as it is, sent again.
 */
export function acknowledge(results: Acknowledgement[]): Promise<void> {
  const done = results.filter((r) => r.outcome === 'applied' || r.outcome === 'conflict').map((r) => r.mutationId);
  const refused = results.filter((r) => r.outcome === 'rejected');
  return write(['outbox'], async () => {
    // In bulk: one request per kind of answer, not one per change (a 500-change push is one round trip).
    if (done.length) await db().outbox.where('mutationId').anyOf(done).delete();
    for (const [error, ids] of groupBy(refused, (r) => r.error ?? 'invalid')) {
      await db().outbox.where('mutationId').anyOf(ids.map((r) => r.mutationId)).modify({ status: 'needsAttention', error });
    }
  });
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

export function getSyncScope(scopeId: string): Promise<SyncScope | undefined> {
  return read(() => db().syncScopes.get(scopeId));
}

export function listSyncScopes(): Promise<SyncScope[]> {
  return read(() => db().syncScopes.toArray());
}

/** Forgets a scope's cursor (the server no longer has changes that old): the next sync takes a new snapshot. */
export function resetSyncScope(scopeId: string): Promise<void> {
  return write(['syncScopes'], () => db().syncScopes.delete(scopeId));
}

function tableFor(collection: DataTable): Table<{ id: string }, string> {
  return db()[collection] as unknown as Table<{ id: string }, string>;
}

/**
 * One page from the server and the cursor it brings, in one transaction: after a crash the device has either
 * the whole page and its cursor, or neither. Changes still queued here are laid over what arrives.
 */
export function applyPage(rows: IncomingRow[], progress: SyncScope): Promise<void> {
  return write([...DATA_TABLES, 'outbox', 'syncScopes'], async () => {
    const queued = new Map<string, OutboxEntry[]>();
    for (const entry of await db().outbox.toArray()) {
      const id = targetId(entry.mutation);
      queued.set(id, [...(queued.get(id) ?? []), entry]);
    }
    // Written per table in bulk: thousands of rows in a page cost a few requests, not one round trip each.
    for (const [collection, batch] of groupBy(rows, (r) => r.collection)) {
      const table = tableFor(collection as DataTable);
      await table.bulkDelete(batch.filter((r) => r.deleted).map((r) => r.id));
      const live = batch.filter((r) => !r.deleted).map((incoming) => {
        let row = { ...incoming.row, id: incoming.id };
        for (const entry of queued.get(incoming.id) ?? []) if (entry.status === 'pending') row = overlay(row, entry.mutation);
        return row;
      });
      await table.bulkPut(live);
    }
    await db().syncScopes.put(progress);
  });
}

/** Changes the server refused, for the "needs attention" list. */
export function listNeedsAttention(): Promise<OutboxEntry[]> {
  return read(() => db().outbox.where('status').equals('needsAttention').toArray());
}
