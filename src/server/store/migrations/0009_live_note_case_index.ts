import { sql, type Kysely, type Migration } from 'kysely';
import { isPostgres } from '../openDatabase';

/**
 * ⚠ Shipped migrations are never edited. Replaces 0006's records_note_case_idx and 0008's records_live_notes_idx
 * by one index of the live notes: scope, case, visit day, id. A staged first sync ranks the notes of every open
 * case to send their newest (src/server/sync/snapshotParts.ts latestNotesQuery). With `deleted` outside 0006's
 * index and no id in it, SQLite read every note's row to rank them: 450 ms for a team of 50,000 notes, during
 * which the server answered nobody. Ranked on this index alone it takes about 50 ms. Every query that used 0006's
 * index asks for live notes, and 0008's count reads this one as fast (1.3 ms for 50,000 notes); with both
 * indexes there, SQLite chose 0008's narrower one for the ranking and read the rows again. One index less to keep
 * up on every write. The expressions are those of wireRows.ts `jsonField`: keep them equal, or the queries stop
 * using the index.
 */
export const liveNoteCaseIndexMigration: Migration = {
  // Untyped on purpose, like the earlier ones: it runs against the schema as it was then.
  async up(db: Kysely<any>) {
    if (isPostgres(db)) {
      await sql`create index records_live_note_case_idx on records (scope_id, veldwerk_json_text(row_json, 'caseId'), veldwerk_json_text(row_json, 'date'), id) where collection = 'notes' and deleted = 0`.execute(db);
    } else {
      await sql`create index records_live_note_case_idx on records (scope_id, json_extract(row_json, '$.caseId'), json_extract(row_json, '$.date'), id) where collection = 'notes' and deleted = 0`.execute(db);
    }
    await db.schema.dropIndex('records_note_case_idx').execute();
    await db.schema.dropIndex('records_live_notes_idx').execute();
  },
  async down(db: Kysely<any>) {
    if (isPostgres(db)) {
      await sql`create index records_note_case_idx on records (scope_id, veldwerk_json_text(row_json, 'caseId'), veldwerk_json_text(row_json, 'date')) where collection = 'notes'`.execute(db);
    } else {
      await sql`create index records_note_case_idx on records (scope_id, json_extract(row_json, '$.caseId'), json_extract(row_json, '$.date')) where collection = 'notes'`.execute(db);
    }
    await sql`create index records_live_notes_idx on records (scope_id) where collection = 'notes' and deleted = 0`.execute(db);
    await db.schema.dropIndex('records_live_note_case_idx').execute();
  },
};
