import { sql, type Kysely, type Migration } from 'kysely';
import { isPostgres } from '../openDatabase';

/**
 * ⚠ Shipped migrations are never edited. A staged first sync asks for the newest notes of a case, or of every
 * open case (src/server/sync/snapshotParts.ts): an index on the note's case and visit day, which live in
 * row_json, makes that a lookup instead of parsing every note of the team. The expressions must stay exactly
 * those of snapshotParts.ts `field()`, or the queries stop using the index.
 *
 * PostgreSQL refuses to read as JSON a text that holds a lone surrogate escape ("\udfff"), which a row may
 * carry in its body: veldwerk_json_text answers null for such a row instead of failing its insert. Such a note
 * is then left out of 'latest' only; the history, which reads no JSON in SQL, still brings it.
 */
export const noteCaseIndexMigration: Migration = {
  // Untyped on purpose, like the earlier ones: it runs against the schema as it was then.
  async up(db: Kysely<any>) {
    if (isPostgres(db)) {
      await sql`create function veldwerk_json_text(doc text, key text) returns text language plpgsql immutable strict as $$
        begin
          return doc::jsonb ->> key;
        exception when others then
          return null;
        end $$`.execute(db);
      await sql`create index records_note_case_idx on records (scope_id, veldwerk_json_text(row_json, 'caseId'), veldwerk_json_text(row_json, 'date')) where collection = 'notes'`.execute(db);
    } else {
      await sql`create index records_note_case_idx on records (scope_id, json_extract(row_json, '$.caseId'), json_extract(row_json, '$.date')) where collection = 'notes'`.execute(db);
    }
  },
  async down(db: Kysely<any>) {
    await db.schema.dropIndex('records_note_case_idx').execute();
    if (isPostgres(db)) await sql`drop function veldwerk_json_text(text, text)`.execute(db);
  },
};
