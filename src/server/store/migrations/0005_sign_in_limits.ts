import { sql, type Kysely, type Migration } from 'kysely';

/**
 * ⚠ Shipped migrations are never edited. Hardened sign-in:
 * - `login_attempts`: failed sign-ins (per account key and per address) and recent successful ones, in the
 *   database so every instance counts the same attempts (see auth/loginLimits.ts). Pruned as they age.
 * - `refresh_tokens.session_started_at`: when the login that started the token's family happened, carried by
 *   every rotation, so a session has an absolute end next to the sliding one (see refreshTokens.ts).
 * - `org_settings.session_max_days`: that absolute lifetime, per organisation (default 30 days).
 */
export const signInLimitsMigration: Migration = {
  // Untyped on purpose, like 0001–0004: it runs against the schema as it was then.
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('login_attempts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      // A hash of the e-mail address as typed (lower-cased): known and unknown accounts are counted alike.
      .addColumn('account_key', 'text', (c) => c.notNull())
      .addColumn('address', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('succeeded', 'integer', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('login_attempts_account_idx').on('login_attempts').columns(['account_key', 'at']).execute();
    await db.schema.createIndex('login_attempts_address_idx').on('login_attempts').columns(['address', 'at']).execute();
    await db.schema.createIndex('login_attempts_at_idx').on('login_attempts').column('at').execute();

    await db.schema.alterTable('refresh_tokens').addColumn('session_started_at', 'text').execute();
    // Families that exist already: their session started with their oldest token still stored.
    await sql`update refresh_tokens set session_started_at =
      (select min(f.created_at) from refresh_tokens f where f.family_id = refresh_tokens.family_id)`.execute(db);

    await db.schema.alterTable('org_settings').addColumn('session_max_days', 'integer', (c) => c.notNull().defaultTo(30)).execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.alterTable('org_settings').dropColumn('session_max_days').execute();
    await db.schema.alterTable('refresh_tokens').dropColumn('session_started_at').execute();
    await db.schema.dropTable('login_attempts').execute();
  },
};
