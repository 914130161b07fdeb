import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import type { Db } from '../../../src/server/store/database';
import { migrateToLatest } from '../../../src/server/store/migrations';
import { openDatabase, type DatabaseConfig } from '../../../src/server/store/openDatabase';

export type DatabaseKind = 'sqlite' | 'postgres';

export interface TestStore {
  kind: DatabaseKind;
  /** Migrated, empty apart from what the suite adds. */
  db: Db;
  /** A second, independent connection (pool) to the same database, as another server instance would have. */
  connectAgain(): Db;
}

/**
 * Runs `body` once per database: SQLite and a fresh PostgreSQL schema of its own (dropped afterwards, so
 * runs never collide). Without PostgreSQL its half is skipped, loudly (see globalSetup.ts).
 * `onDisk` puts SQLite in a temporary file instead of memory, for suites that need two connections.
 */
export function describeEachDatabase(title: string, body: (store: () => TestStore) => void, options: { onDisk?: boolean } = {}): void {
  const postgres = inject('postgres');
  for (const kind of ['sqlite', 'postgres'] as const) {
    describe.skipIf(kind === 'postgres' && !postgres.reachable)(`${title} [${kind}]`, () => {
      let opened: (TestStore & { close(): Promise<void> }) | undefined;
      beforeAll(async () => {
        opened = kind === 'sqlite' ? await openSqlite(options.onDisk ?? false) : await openPostgres(postgres.url);
      });
      afterAll(async () => opened?.close());
      body(() => {
        if (!opened) throw new Error('The test database is not open yet: use it inside a test or hook.');
        return opened;
      });
    });
  }
}

async function openSqlite(onDisk: boolean): Promise<TestStore & { close(): Promise<void> }> {
  const dir = onDisk ? mkdtempSync(join(tmpdir(), 'veldwerk-db-')) : undefined;
  const config: DatabaseConfig = { kind: 'sqlite', file: dir ? join(dir, 'test.sqlite') : ':memory:' };
  return withConnections('sqlite', config, async () => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
}

async function openPostgres(url: string): Promise<TestStore & { close(): Promise<void> }> {
  const schema = `vw_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  return withConnections('postgres', { kind: 'postgres', url, schema }, async () => {
    await admin.query(`drop schema ${schema} cascade`);
    await admin.end();
  });
}

async function withConnections(kind: DatabaseKind, config: DatabaseConfig, cleanUp: () => Promise<void>) {
  const db = openDatabase(config);
  const extra: Db[] = [];
  await migrateToLatest(db);
  return {
    kind,
    db,
    connectAgain() {
      if (config.kind === 'sqlite' && config.file === ':memory:') throw new Error('An in-memory SQLite database has only one connection.');
      const again = openDatabase(config);
      extra.push(again);
      return again;
    },
    async close() {
      for (const other of extra) await other.destroy();
      await db.destroy();
      await cleanUp();
    },
  };
}
