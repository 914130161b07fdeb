import type { Collection } from '../../sync/protocol';
import type { Db } from '../store/database';
import { isPostgres } from '../store/openDatabase';
import { loadVisible, lockScopes, saveScopeVersions, updateRecords } from './recordStore';

/**
 * Turns a row into a tombstone: a new version with no content, so pulling devices learn that it is gone.
 * No mutation deletes yet; this is the effect a future delete intent will have. Returns the new version.
 */
export async function markDeleted(db: Db, collection: Collection, id: string, now: Date = new Date()): Promise<number | undefined> {
  return db.transaction().execute(async (trx) => {
    const scope = await trx.selectFrom('records').select('scope_id').where('collection', '=', collection).where('id', '=', id).executeTakeFirst();
    if (!scope) return undefined;
    const [row] = await loadVisible(trx, [{ collection, id }], [scope.scope_id]);
    const versions = await lockScopes(trx, [scope.scope_id]);
    if (!row || row.deleted) return undefined;
    const version = versions.get(row.scopeId)! + 1;
    await updateRecords(trx, [{ ...row, version, deleted: true, row: {}, fields: {}, conflicts: [] }], now);
    await saveScopeVersions(trx, new Map([[row.scopeId, version]]));
    return version;
  });
}

/**
 * Removes a scope's tombstones older than `olderThanVersion` for good and raises the scope's horizon: a device
 * whose cursor is below the newest purged version may have missed one of them, so its pull gets 410 and it
 * re-snapshots (keeping its outbox). The horizon never moves back and never passes the scope's version.
 */
export async function purgeTombstones(db: Db, scopeId: string, olderThanVersion: number): Promise<number> {
  return db.transaction().execute(async (trx) => {
    // Rows before the scope, the order every push takes its locks in: a purge and a push cannot deadlock.
    if (isPostgres(trx)) await trx.selectFrom('records').select('id').where('scope_id', '=', scopeId).where('deleted', '=', 1).where('version', '<', olderThanVersion).orderBy('collection').orderBy('id').forUpdate().execute();
    const current = (await lockScopes(trx, [scopeId])).get(scopeId)!;
    const limit = Math.min(olderThanVersion, current + 1);
    const purged = await trx.deleteFrom('records').where('scope_id', '=', scopeId).where('deleted', '=', 1).where('version', '<', limit).executeTakeFirst();
    // A cursor of limit - 1 has seen every purged tombstone (all had a version of at most limit - 1).
    await trx.updateTable('scope_versions').set({ tombstone_horizon: limit - 1 }).where('scope_id', '=', scopeId).where('tombstone_horizon', '<', limit - 1).execute();
    return Number(purged.numDeletedRows);
  });
}
