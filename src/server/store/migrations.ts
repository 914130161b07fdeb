import { Migrator, sql, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './database';
import { accountsMigration } from './migrations/0001_accounts';
import { syncMigration } from './migrations/0002_sync';
import { adminMigration } from './migrations/0003_admin';
import { devicesAuditMigration } from './migrations/0004_devices_audit';
import { signInLimitsMigration } from './migrations/0005_sign_in_limits';
import { noteCaseIndexMigration } from './migrations/0006_note_case_index';
import { dataKeysMigration } from './migrations/0007_data_keys';
import { liveNotesIndexMigration } from './migrations/0008_live_notes_index';
import { liveNoteCaseIndexMigration } from './migrations/0009_live_note_case_index';
import { isPostgres } from './openDatabase';

/**
 * ⚠ Every migration the server has ever shipped, by name; Kysely runs them in name order. Append new ones
 * (e.g. '0002_sync') and never rename or edit a shipped one. A static object, not a folder scan, so tsx,
 * a bundle and the tests all see exactly the same list.
 */
export const migrations: Record<string, Migration> = {
  '0001_accounts': accountsMigration,
  '0002_sync': syncMigration,
  '0003_admin': adminMigration,
  '0004_devices_audit': devicesAuditMigration,
  '0005_sign_in_limits': signInLimitsMigration,
  '0006_note_case_index': noteCaseIndexMigration,
  '0007_data_keys': dataKeysMigration,
  '0008_live_notes_index': liveNotesIndexMigration,
  '0009_live_note_case_index': liveNoteCaseIndexMigration,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Brings the schema up to date, or throws. Returns the names of the migrations it ran. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  // On PostgreSQL Kysely otherwise finds its bookkeeping table in *any* schema (another test run's, say)
  // and then misses it in ours: pin it to the schema the connection actually uses.
  const schema = isPostgres(db) ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema : undefined;
  const migrator = new Migrator({ db, provider, ...(schema ? { migrationTableSchema: schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'before any migration';
    throw new Error(`Database migration failed (${failed}): ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  return (results ?? []).map((r) => r.migrationName);
}
