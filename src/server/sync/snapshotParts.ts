import { sql } from 'kysely';
import { LATEST_NOTES_PER_CASE, type SnapshotPart } from '../../sync/protocol';
import type { Db } from '../store/database';
import { readSnapshot, type SnapshotPage } from './readScope';
import { caseColumn, jsonField, toWire, type RecordRead } from './wireRows';

export interface PartPage extends SnapshotPage {
  /** 'history', first page only: how many notes the whole history holds (for the progress line). */
  total?: number;
}

/**
 * The three parts of a staged first sync (protocol.ts, GET /api/sync/snapshot `part`). Together they hold every
 * live row of the scope, as the whole snapshot does: 'recent' every row except the notes, 'history' every note,
 * and 'latest' a few notes again, the newest of open cases, so a timeline shows before the history is in.
 * Each page's `cursor` is the scope's version read before its rows, as for the whole snapshot (readScope.ts).
 */
export async function readSnapshotPart(db: Db, scopeId: string, part: SnapshotPart, query: { after?: string; limit: number; caseId?: string }): Promise<PartPage> {
  if (part === 'recent') return readSnapshot(db, scopeId, query.after, query.limit, 'notes');
  const cursor = await scopeVersion(db, scopeId);
  if (part === 'latest') return { rows: (await latestNotesQuery(db, scopeId, query.limit, query.caseId).execute(db)).rows.map(toWire), cursor, nextAfter: null };
  const found = await historyQuery(db, scopeId, query.limit, query.after).execute();
  const page = found.slice(0, query.limit);
  const more = found.length > query.limit;
  const total = query.after === undefined ? await countNotes(db, scopeId) : undefined;
  return { rows: page.map(toWire), cursor, nextAfter: more ? page.at(-1)!.id : null, ...(total !== undefined ? { total } : {}) };
}

/**
 * A history page: the scope's notes, newest first. Read along records_scope_id_idx (scope, id), so a page costs
 * its own rows. The primary key (collection, id) orders by id too, and SQLite without statistics takes it: it then
 * walks every team's notes to find this scope's, ~30 ms for an empty page beside 10,000 notes of another team.
 * `collection || ''` keeps the collection test off any index, on SQLite and PostgreSQL alike.
 */
export function historyQuery(db: Db, scopeId: string, limit: number, after?: string) {
  return (
    db
      .selectFrom('records')
      // A note's field stamps are never sent (wireRows.ts forDevice): not read either, ~700 bytes a note.
      .select(['collection', 'id', 'scope_id', 'version', 'deleted', 'row_json', 'conflicts_json', 'updated_at', sql<string>`'{}'`.as('fields_json'), caseColumn(db)])
      .where('scope_id', '=', scopeId)
      .where(sql<string>`collection || ''`, '=', 'notes')
      .where('deleted', '=', 0)
      .$if(after !== undefined, (q) => q.where('id', '<', after!))
      // Newest first: ids are UUIDv7, made when the note was written, so recent timelines fill in first.
      .orderBy('id', 'desc')
      .limit(limit + 1)
  );
}

async function scopeVersion(db: Db, scopeId: string): Promise<number> {
  const scope = await db.selectFrom('scope_versions').select('version').where('scope_id', '=', scopeId).executeTakeFirst();
  return scope ? Number(scope.version) : 0;
}

/** The scope's live notes, counted on records_live_note_case_idx (migration 0009) without reading a row. */
export function countNotesQuery(db: Db, scopeId: string) {
  return db.selectFrom('records').select((eb) => eb.fn.countAll().as('n')).where('scope_id', '=', scopeId).where('collection', '=', 'notes').where('deleted', '=', 0);
}

async function countNotes(db: Db, scopeId: string): Promise<number> {
  const row = await countNotesQuery(db, scopeId).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/**
 * One case's newest notes (any status), or else the newest notes of every open case of the scope, at most
 * LATEST_NOTES_PER_CASE each, taken rank by rank (every case's newest, then every case's second newest …) so that
 * a `limit` smaller than open cases × that number still gives the most recently visited cases their newest notes.
 *
 * Both read along records_live_note_case_idx (migration 0009). For every open case, the notes are ranked on what
 * that index holds (case, visit day, id), copied out first (`materialized`): ranked straight from the table, SQLite
 * read every note's row, ~1 KB each, to rank 50,000 notes (450 ms here, against 50 ms). Only the chosen notes'
 * rows are read, by primary key.
 */
export function latestNotesQuery(db: Db, scopeId: string, limit: number, caseId?: string) {
  const caseOf = jsonField(db, 'n', 'caseId');
  const date = jsonField(db, 'n', 'date');
  if (caseId !== undefined) {
    return sql<RecordRead>`
      select n.*, ${caseOf} as row_case from records n
      where n.scope_id = ${scopeId} and n.collection = 'notes' and n.deleted = 0 and ${caseOf} = ${caseId}
      order by ${date} desc, n.id desc limit ${limit}`;
  }
  return sql<RecordRead>`
    with live as materialized (
      select n.id, ${caseOf} as note_case, ${date} as note_date from records n
      where n.scope_id = ${scopeId} and n.collection = 'notes' and n.deleted = 0 and ${caseOf} in (
        select c.id from records c where c.scope_id = ${scopeId} and c.collection = 'cases' and c.deleted = 0 and ${jsonField(db, 'c', 'status')} = 'open')
    ), chosen as (
      select id, note_case, note_date, note_rank from (
        select id, note_case, note_date, row_number() over (partition by note_case order by note_date desc, id desc) as note_rank from live
      ) ranked
      where note_rank <= ${LATEST_NOTES_PER_CASE}
      order by note_rank, note_date desc, id desc
      limit ${limit}
    )
    select r.collection, r.id, r.scope_id, r.version, r.deleted, r.row_json, r.fields_json, r.conflicts_json, r.updated_at, chosen.note_case as row_case
    from chosen join records r on r.collection = 'notes' and r.id = chosen.id
    order by chosen.note_rank, chosen.note_date desc, chosen.id desc`;
}
