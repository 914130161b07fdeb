import type { Kysely, Migration } from 'kysely';

/**
 * ⚠ Shipped migrations are never edited. `data_keys`: each person's device data key (issue 13), wrapped under the
 * server's data key secret (auth/dataKeyVault.ts), so a forgotten password loses nothing on a device: after a
 * reset and an online sign-in the device gets the key again and reads its own encrypted data.
 */
export const dataKeysMigration: Migration = {
  // Untyped on purpose, like 0001–0006: it runs against the schema as it was then.
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('data_keys')
      .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
      .addColumn('wrapped', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('data_keys').execute();
  },
};
