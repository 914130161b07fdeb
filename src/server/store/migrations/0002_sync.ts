import type { Kysely, Migration } from 'kysely';

/**
 * ⚠ Shipped migrations are never edited. The sync tables: the server's copy of every synced row, the per-scope
 * version counter, and what makes a push idempotent and ordered (the client's last seq and every answer given).
 * Versions are bigint (int8 on PostgreSQL, INTEGER affinity on SQLite): a busy scope must never wrap around.
 */
export const syncMigration: Migration = {
  // Untyped on purpose, like 0001: it runs against the schema as it was then.
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('records')
      .addColumn('collection', 'text', (c) => c.notNull())
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('scope_id', 'text', (c) => c.notNull())
      .addColumn('version', 'bigint', (c) => c.notNull())
      .addColumn('deleted', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('row_json', 'text', (c) => c.notNull())
      .addColumn('fields_json', 'text', (c) => c.notNull())
      .addColumn('conflicts_json', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('records_pk', ['collection', 'id'])
      .execute();
    // Pull: a scope's changes in version order. Snapshot: a scope's rows in id order, resumable by id.
    await db.schema.createIndex('records_scope_version_idx').on('records').columns(['scope_id', 'version']).execute();
    await db.schema.createIndex('records_scope_id_idx').on('records').columns(['scope_id', 'id', 'collection']).execute();
    await db.schema
      .createTable('scope_versions')
      .addColumn('scope_id', 'text', (c) => c.primaryKey())
      .addColumn('version', 'bigint', (c) => c.notNull().defaultTo(0))
      .addColumn('tombstone_horizon', 'bigint', (c) => c.notNull().defaultTo(0))
      .execute();
    // No foreign key to users: the answers given must outlive an account, like the audit log.
    await db.schema
      .createTable('sync_clients')
      .addColumn('client_id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('last_seq', 'bigint', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema
      .createTable('client_mutations')
      .addColumn('client_id', 'text', (c) => c.notNull())
      .addColumn('mutation_id', 'text', (c) => c.notNull())
      .addColumn('seq', 'bigint', (c) => c.notNull())
      .addColumn('outcome', 'text', (c) => c.notNull())
      .addColumn('error', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('client_mutations_pk', ['client_id', 'mutation_id'])
      .execute();
    await db.schema.alterTable('audit_log').addColumn('row_count', 'integer').execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.alterTable('audit_log').dropColumn('row_count').execute();
    for (const table of ['client_mutations', 'sync_clients', 'scope_versions', 'records']) await db.schema.dropTable(table).execute();
  },
};
