import { sql, type Selectable } from 'kysely';
import type { Collection, RowState } from '../../sync/protocol';
import type { Database, Db } from '../store/database';
import { isPostgres } from '../store/openDatabase';

/** A row's identity across collections (ids are unique per collection only). */
export interface RecordKey {
  collection: Collection;
  id: string;
}
export const keyOf = (k: RecordKey): string => `${k.collection}\u0000${k.id}`;

/** Rows per multi-row statement: far below both databases' parameter limits (9 columns each). */
const WRITE_CHUNK = 500;

export function toRowState(r: Selectable<Database['records']>): RowState {
  return {
    collection: r.collection,
    id: r.id,
    scopeId: r.scope_id,
    version: Number(r.version),
    deleted: Number(r.deleted) !== 0,
    row: JSON.parse(r.row_json) as Record<string, unknown>,
    fields: JSON.parse(r.fields_json) as RowState['fields'],
    conflicts: JSON.parse(r.conflicts_json) as RowState['conflicts'],
  };
}

/**
 * The rows with these keys that lie in `scopes` (authorisation inside the query: another team's row never
 * leaves the database). On PostgreSQL they are locked until commit, in key order so writers cannot deadlock.
 */
export async function loadVisible(db: Db, keys: RecordKey[], scopes: string[]): Promise<RowState[]> {
  if (keys.length === 0 || scopes.length === 0) return [];
  const wanted = new Set(keys.map(keyOf));
  const rows = await db
    .selectFrom('records')
    .selectAll()
    .where('collection', 'in', unique(keys.map((k) => k.collection)))
    .where('id', 'in', unique(keys.map((k) => k.id)))
    .where('scope_id', 'in', scopes)
    .orderBy('collection')
    .orderBy('id')
    .$if(isPostgres(db), (q) => q.forUpdate())
    .execute();
  return rows.filter((r) => wanted.has(keyOf(r))).map(toRowState);
}

/** Which of these keys exist in any scope. Only the keys are read, never another scope's content. */
export async function takenKeys(db: Db, keys: RecordKey[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await db
    .selectFrom('records')
    .select(['collection', 'id'])
    .where('collection', 'in', unique(keys.map((k) => k.collection)))
    .where('id', 'in', unique(keys.map((k) => k.id)))
    .execute();
  return new Set(rows.map(keyOf));
}

/**
 * Stores new rows with a plain INSERT: should the id have been taken meanwhile (a race takenKeys cannot see),
 * the unique violation fails the transaction instead of overwriting someone else's row.
 */
export async function insertRecords(db: Db, states: RowState[], now: Date): Promise<void> {
  for (let i = 0; i < states.length; i += WRITE_CHUNK) await db.insertInto('records').values(states.slice(i, i + WRITE_CHUNK).map((s) => columns(s, now))).execute();
}

/** Stores new states of rows that exist and were loaded (and on PostgreSQL locked) in this transaction. */
export async function updateRecords(db: Db, states: RowState[], now: Date): Promise<void> {
  for (let i = 0; i < states.length; i += WRITE_CHUNK) {
    // One multi-row upsert instead of a statement per row; every key exists, so each row takes the update path.
    await db
      .insertInto('records')
      .values(states.slice(i, i + WRITE_CHUNK).map((s) => columns(s, now)))
      .onConflict((oc) =>
        oc.columns(['collection', 'id']).doUpdateSet((eb) => ({
          version: eb.ref('excluded.version'),
          deleted: eb.ref('excluded.deleted'),
          row_json: eb.ref('excluded.row_json'),
          fields_json: eb.ref('excluded.fields_json'),
          conflicts_json: eb.ref('excluded.conflicts_json'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
  }
}

/** `updated_at` is server time, for operators only. */
function columns(s: RowState, now: Date) {
  return {
    collection: s.collection,
    id: s.id,
    scope_id: s.scopeId,
    version: s.version,
    deleted: s.deleted ? 1 : 0,
    row_json: JSON.stringify(s.row),
    fields_json: JSON.stringify(s.fields),
    conflicts_json: JSON.stringify(s.conflicts),
    updated_at: now.toISOString(),
  };
}

/**
 * Locks each scope's version counter (creating it on first use) and returns the current versions. The row
 * lock, taken by an UPDATE on both databases, is held until commit: writers of one scope take turns, so its
 * versions commit in order and a reader never skips one. One scope at a time, in id order: no deadlocks.
 */
export async function lockScopes(db: Db, scopeIds: Iterable<string>): Promise<Map<string, number>> {
  const versions = new Map<string, number>();
  for (const scopeId of unique([...scopeIds]).sort()) {
    let version = await touchScope(db, scopeId);
    if (version === undefined) {
      await db.insertInto('scope_versions').values({ scope_id: scopeId, version: 0, tombstone_horizon: 0 }).onConflict((oc) => oc.column('scope_id').doNothing()).execute();
      version = await touchScope(db, scopeId);
    }
    if (version === undefined) throw new Error(`Scope counter ${scopeId} could not be created.`);
    versions.set(scopeId, version);
  }
  return versions;
}

/** Sets counters locked by lockScopes to the last version handed out. */
export async function saveScopeVersions(db: Db, versions: Map<string, number>): Promise<void> {
  for (const [scopeId, version] of versions) await db.updateTable('scope_versions').set({ version }).where('scope_id', '=', scopeId).execute();
}

async function touchScope(db: Db, scopeId: string): Promise<number | undefined> {
  const row = await db
    .updateTable('scope_versions')
    .set({ version: sql<number>`version` })
    .where('scope_id', '=', scopeId)
    .returning('version')
    .executeTakeFirst();
  return row ? Number(row.version) : undefined;
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
