import { sql, type Kysely, type Migration } from 'kysely';

/**
 * ⚠ Shipped migrations are never edited. A history's first page tells how many notes the scope holds, for the
 * device's progress line (src/server/sync/snapshotParts.ts countNotes). Without this index that count read every
 * note's row to see whether it was deleted: about 190 ms for a team of 50,000 notes, before the first page could
 * go out. A partial index of the live notes answers it from the index alone (a few ms). Same SQL on both databases.
 */
export const liveNotesIndexMigration: Migration = {
  // Untyped on purpose, like the earlier ones: it runs against the schema as it was then.
  async up(db: Kysely<any>) {
    await sql`create index records_live_notes_idx on records (scope_id) where collection = 'notes' and deleted = 0`.execute(db);
  },
  async down(db: Kysely<any>) {
    await db.schema.dropIndex('records_live_notes_idx').execute();
  },
};
