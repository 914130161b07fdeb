import type { Collection } from '../../sync/protocol';
import type { Db } from '../store/database';
import { caseColumn, toWire, type WireRow } from './wireRows';

export interface ChangesPage {
  rows: WireRow[];
  cursor: number;
  more: boolean;
}

/**
 * A scope's rows changed after `since`, in version order. Versions of one scope commit in order (see
 * lockScopes), so paging by the last version seen never skips a change. 'expired' when tombstones the
 * caller has not seen may already be purged, or when its cursor is ahead of the scope: it must re-snapshot.
 */
export async function readChanges(db: Db, scopeId: string, since: number, limit: number): Promise<ChangesPage | 'expired'> {
  const found = await db.selectFrom('records').selectAll().select(caseColumn(db)).where('scope_id', '=', scopeId).where('version', '>', since).orderBy('version').limit(limit + 1).execute();
  // Read after the rows: a purge that overtook the read above has raised the horizon by now.
  const scope = await db.selectFrom('scope_versions').select(['version', 'tombstone_horizon']).where('scope_id', '=', scopeId).executeTakeFirst();
  if (scope && since < Number(scope.tombstone_horizon)) return 'expired';
  // A cursor from the future (the server's database was restored from a backup) would wait for versions that
  // may never come, or take new ones for old: the device re-snapshots instead of missing changes silently.
  if (since > Number(scope?.version ?? 0)) return 'expired';
  const page = found.slice(0, limit);
  return { rows: page.map(toWire), cursor: page.length ? Number(page.at(-1)!.version) : since, more: found.length > limit };
}

export interface SnapshotPage {
  rows: WireRow[];
  cursor: number;
  nextAfter: string | null;
}

/**
 * One page of a scope's live rows in id order, after `after`. `cursor` is the scope's version read BEFORE the
 * rows: whatever changes while a device pages through a snapshot has a higher version, so pulling changes from
 * the first page's cursor afterwards catches it (rows seen twice are simply newer the second time). `without`
 * leaves one collection out (the first part of a staged first sync, see snapshotParts.ts).
 */
export async function readSnapshot(db: Db, scopeId: string, after: string | undefined, limit: number, without?: Collection): Promise<SnapshotPage> {
  const scope = await db.selectFrom('scope_versions').select('version').where('scope_id', '=', scopeId).executeTakeFirst();
  const cursor = scope ? Number(scope.version) : 0;
  const found = await db
    .selectFrom('records')
    .selectAll()
    .select(caseColumn(db))
    .where('scope_id', '=', scopeId)
    .where('deleted', '=', 0)
    .$if(without !== undefined, (q) => q.where('collection', '<>', without!))
    .$if(after !== undefined, (q) => q.where('id', '>', after!))
    .orderBy('id')
    .orderBy('collection')
    .limit(limit + 1)
    .execute();
  if (found.length <= limit) return { rows: found.map(toWire), cursor, nextAfter: null };
  const page = found.slice(0, limit);
  const last = page[page.length - 1]!;
  // Resuming is by id alone, so a page must not end between two collections' rows with the same id.
  if (found[limit]!.id === last.id) {
    page.push(...(await db.selectFrom('records').selectAll().select(caseColumn(db)).where('scope_id', '=', scopeId).where('deleted', '=', 0).where('id', '=', last.id).where('collection', '>', last.collection).$if(without !== undefined, (q) => q.where('collection', '<>', without!)).orderBy('collection').execute()));
  }
  return { rows: page.map(toWire), cursor, nextAfter: last.id };
}
