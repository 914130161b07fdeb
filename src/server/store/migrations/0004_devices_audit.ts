import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Migration } from 'kysely';

/**
 * ⚠ Shipped migrations are never edited. Devices (when each install was first and last seen, with which app
 * version, and whether an admin revoked it), an audit log that names the device and the dossier, and the
 * server's epoch: a random id that a restore of an older backup replaces, so devices notice the server went
 * back in time.
 */
export const devicesAuditMigration: Migration = {
  // Untyped on purpose, like 0001 and 0002: it runs against the schema as it was then.
  async up(db: Kysely<any>) {
    for (const column of ['first_seen_at', 'last_seen_at', 'app_version', 'revoked_at']) {
      await db.schema.alterTable('sync_clients').addColumn(column, 'text').execute();
    }
    // Installs that pushed before this migration: seen when they first and last pushed.
    await sql`update sync_clients set
      first_seen_at = (select min(m.created_at) from client_mutations m where m.client_id = sync_clients.client_id),
      last_seen_at = (select max(m.created_at) from client_mutations m where m.client_id = sync_clients.client_id)`.execute(db);
    const now = new Date().toISOString();
    await db.updateTable('sync_clients').set({ first_seen_at: now }).where('first_seen_at', 'is', null).execute();
    await db.updateTable('sync_clients').set({ last_seen_at: now }).where('last_seen_at', 'is', null).execute();
    await db.schema.createIndex('sync_clients_user_idx').on('sync_clients').column('user_id').execute();

    await db.schema.alterTable('audit_log').addColumn('client_id', 'text').execute();
    await db.schema.alterTable('audit_log').addColumn('case_id', 'text').execute();
    await db.schema.createIndex('audit_log_case_idx').on('audit_log').column('case_id').execute();
    await db.schema.createIndex('audit_log_user_idx').on('audit_log').column('user_id').execute();

    await db.schema
      .createTable('server_meta')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .execute();
    await db.insertInto('server_meta').values({ key: 'server_epoch', value: randomUUID() }).execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('server_meta').execute();
    await db.schema.dropIndex('audit_log_user_idx').execute();
    await db.schema.dropIndex('audit_log_case_idx').execute();
    await db.schema.alterTable('audit_log').dropColumn('case_id').execute();
    await db.schema.alterTable('audit_log').dropColumn('client_id').execute();
    await db.schema.dropIndex('sync_clients_user_idx').execute();
    for (const column of ['revoked_at', 'app_version', 'last_seen_at', 'first_seen_at']) await db.schema.alterTable('sync_clients').dropColumn(column).execute();
  },
};
