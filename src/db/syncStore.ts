import type { Table } from 'dexie';
import { db, read, write } from './connection';
import type { SyncScope } from './schema';
import { newId } from '../model/ids';
import type { OutboxEntry } from '../model/mutation';
import { overlay } from '../model/changes';
import { aboutOf, openEntries, type StoredOutboxEntry } from './outbox';
import { isSealedTable, sealRows } from './sealedRows';
import { optimistic, STALE } from './sealing';
import { TEAM_REMOVED } from '../model/refusals';
import { COLLECTIONS, type Collection } from '../model/collections';

export type { SyncScope };

/** Every synced collection is a table of the same name on the device. */
export const DATA_TABLES = COLLECTIONS;
export type DataTable = Collection;

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

/** The oldest changes still to send, in the order they were made, with the places of those set aside unanswered. */
export async function pendingBatch(limit: number): Promise<OutboxEntry[]> {
  const stored = await read(() => db().outbox.orderBy('seq').filter((e) => e.status === 'pending' || e.withdraw === true).limit(limit).toArray());
  return read(() => openEntries(stored));
}

/**
 * What the server said of each sent change. Applied or merged-with-conflict: done, off the queue (a conflict
 * now lives on the row). Refused: kept, marked for the user's attention, with the most useful reason: one this
 * device found itself (`reasons`: too large to send…), a team taken away, or the server's. Deferred: kept as it
 * is, sent again. A discarded change leaves the queue once the server has answered for its place.
 */
export function acknowledge(results: Acknowledgement[], reasons: ReadonlyMap<string, string> = new Map()): Promise<void> {
  const done = results.filter((r) => r.outcome === 'applied' || r.outcome === 'conflict').map((r) => r.mutationId);
  const refused = new Map(results.filter((r) => r.outcome === 'rejected').map((r) => [r.mutationId, r.error ?? 'invalid']));
  return write(['outbox'], async () => {
    // In bulk: one request per kind of answer, not one per change (a 500-change push is one round trip).
    if (done.length) await db().outbox.where('mutationId').anyOf(done).delete();
    if (refused.size === 0) return;
    const refusals = () => db().outbox.where('mutationId').anyOf([...refused.keys()]);
    await refusals().filter((entry) => entry.status === 'discarded').delete();
    await refusals().modify((entry) => {
      const ownReason = reasons.get(entry.mutationId) ?? (entry.withdraw || entry.error === TEAM_REMOVED ? entry.error : undefined);
      entry.error = ownReason ?? refused.get(entry.mutationId);
      entry.status = 'needsAttention';
      delete entry.withdraw;
    });
  });
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
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

export function tableFor(collection: DataTable): Table<{ id: string }, string> {
  return db()[collection] as unknown as Table<{ id: string }, string>;
}

/**
 * One page from the server and the cursor it brings, in one transaction: after a crash the device has either
 * the whole page and its cursor, or neither. Changes still queued here are laid over what arrives. A `progress`
 * without `history` keeps the scope's history state as it is.
 */
export function applyPage(rows: IncomingRow[], progress: SyncScope, early?: Promise<PreparedRows>): Promise<void> {
  return optimistic(
    firstThen(early, () => prepareIncoming(rows)),
    (prepared) =>
      write([...DATA_TABLES, 'outbox', 'syncScopes'], async () => {
        if ((await writeIncoming(prepared)) === STALE) return STALE;
        // A pull's progress says nothing of older notes still to come (historyStore.ts): they stay to come.
        const history = 'history' in progress ? null : (await db().syncScopes.get(progress.scopeId))?.history;
        await db().syncScopes.put(history ? { ...progress, history } : progress);
      }),
  );
}

/**
 * A prepare step that starts from `early` (the page prepared ahead, while the one before it was written: sealing
 * then overlaps IndexedDB's writing) and prepares afresh on a retry.
 */
export function firstThen<P>(early: Promise<P> | undefined, prepare: () => Promise<P>): () => Promise<P> {
  let first = early;
  return () => {
    const prepared = first ?? prepare();
    first = undefined;
    return prepared;
  };
}

/**
 * Pulled rows made ready ahead of their turn, for the apply functions' `early`: a failure (a lock meanwhile) is
 * met again when the page is applied, never left unhandled.
 */
export function prepareAhead(rows: IncomingRow[]): Promise<PreparedRows> {
  const prepared = prepareIncoming(rows);
  prepared.catch(() => {});
  return prepared;
}

/**
 * Pulled rows made ready outside the transaction that writes them: the changes still queued on this device laid
 * over them, and client rows sealed (db/sealing.ts says why). `queued` is what the overlay was made from.
 */
export interface PreparedRows {
  rows: IncomingRow[];
  /** The ids of the page as it came (a caller may write fewer of its rows), and the queued changes about them. */
  ids: ReadonlySet<string>;
  queued: string;
}

/** The queued changes about the page's rows, as a fingerprint: their numbers, in order. */
function queuedFingerprint(pending: readonly StoredOutboxEntry[], ids: ReadonlySet<string>): string {
  return pending
    .filter((entry) => ids.has(aboutOf(entry).id))
    .map((entry) => entry.seq)
    .join();
}

const pendingChanges = () => db().outbox.where('status').equals('pending').toArray();

export async function prepareIncoming(rows: IncomingRow[]): Promise<PreparedRows> {
  const ids = new Set(rows.map((r) => r.id));
  // Sealing starts at once, on the rows as they came. Reading the queue waits for a write transaction under way
  // (a page being written holds the outbox), and sealing the next page is meant to overlap that write. A row
  // with changes queued about it (rare) is sealed again once they are laid over it.
  const groups = [...groupBy(rows, (r) => r.collection)].map(([name, batch]) => {
    const collection = name as DataTable;
    // A pulled row is the device's own copy already (sync/pulledRows.ts readPage): kept, not copied again.
    const live = batch.filter((r) => !r.deleted).map((incoming) => (incoming.row['id'] === incoming.id ? (incoming.row as DeviceRow) : { ...incoming.row, id: incoming.id }));
    const stored = storable(collection, live);
    stored.catch(() => {}); // met below; a failure before then must not go unhandled
    return { collection, deleted: batch.filter((r) => r.deleted), live, stored };
  });
  const pending = await read(pendingChanges);
  const about = pending.filter((entry) => ids.has(aboutOf(entry).id));
  const queued = new Map<string, OutboxEntry[]>();
  (await read(() => openEntries(about))).forEach((entry, i) => {
    const id = aboutOf(about[i]!).id;
    queued.set(id, [...(queued.get(id) ?? []), entry]);
  });
  const prepared: IncomingRow[] = [];
  for (const { collection, deleted, live, stored } of groups) {
    const rowsToStore = [...(await stored)];
    const changed = live.flatMap((row, i) => (queued.has(row.id) ? [i] : []));
    const overlaid = await storable(collection, changed.map((i) => queued.get(live[i]!.id)!.reduce((row, entry) => overlay(row, entry.mutation), live[i]!)));
    changed.forEach((i, k) => (rowsToStore[i] = overlaid[k]!));
    prepared.push(...deleted, ...rowsToStore.map((row) => ({ collection, id: row.id, deleted: false, row: row as Record<string, unknown> })));
  }
  return { rows: prepared, ids, queued: queuedFingerprint(pending, ids) };
}

type DeviceRow = Record<string, unknown> & { id: string };

/** Rows as the device stores them: client rows sealed, the others as they are. */
function storable(collection: DataTable, rows: DeviceRow[]): Promise<DeviceRow[]> {
  if (!isSealedTable(collection) || rows.length === 0) return Promise.resolve(rows);
  return read(() => sealRows(collection, rows as unknown as Array<{ id: string; body: unknown }>)) as unknown as Promise<DeviceRow[]>;
}

/**
 * Inside a transaction over DATA_TABLES and outbox: stores prepared rows, or answers STALE (writing nothing) when
 * the changes queued about them are no longer those they were prepared with.
 */
export async function writeIncoming(prepared: PreparedRows): Promise<void | typeof STALE> {
  if (queuedFingerprint(await pendingChanges(), prepared.ids) !== prepared.queued) return STALE;
  // Written per table in bulk: thousands of rows in a page cost a few requests, not one round trip each.
  for (const [collection, batch] of groupBy(prepared.rows, (r) => r.collection)) {
    const table = tableFor(collection as DataTable);
    await table.bulkDelete(batch.filter((r) => r.deleted).map((r) => r.id));
    await table.bulkPut(batch.filter((r) => !r.deleted).map((r) => r.row as { id: string }));
  }
}
