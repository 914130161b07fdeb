import type { Kysely, Migration } from 'kysely';

/**
 * ⚠ Shipped migrations are never edited. Accounts run by an organisation's admin: a per-person revocation
 * stamp for access tokens (a token issued before it is refused) and the organisation's settings (one row per
 * organisation; no row means the defaults of src/model/admin.ts).
 */
export const adminMigration: Migration = {
  // Untyped on purpose, like 0001: it runs against the schema as it was then.
  async up(db: Kysely<any>) {
    await db.schema.alterTable('users').addColumn('tokens_valid_after', 'text').execute();
    await db.schema
      .createTable('org_settings')
      .addColumn('organisation_id', 'text', (c) => c.primaryKey().references('organisations.id').onDelete('cascade'))
      .addColumn('screen_lock_minutes', 'integer', (c) => c.notNull())
      .addColumn('full_lock_minutes', 'integer', (c) => c.notNull())
      .addColumn('note_retention_years', 'integer', (c) => c.notNull())
      .execute();
    // The audit of one person: entries they made and entries about them.
    await db.schema.createIndex('audit_log_target_idx').on('audit_log').column('target').execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropIndex('audit_log_target_idx').execute();
    await db.schema.dropTable('org_settings').execute();
    await db.schema.alterTable('users').dropColumn('tokens_valid_after').execute();
  },
};
