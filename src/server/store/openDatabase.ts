import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresAdapter, PostgresDialect, SqliteDialect } from 'kysely';
import { Pool } from 'pg';
import type { Database, Db } from './database';

export type DatabaseConfig =
  /** `file` is a path, or ':memory:' for tests. */
  | { kind: 'sqlite'; file: string }
  /** A connection string or a ready pool; `schema` becomes the search_path of every pooled connection. */
  | { kind: 'postgres'; url?: string; pool?: Pool; schema?: string };

export const DEFAULT_SQLITE_FILE = 'data/veldwerk.sqlite';

/** The one rule main.ts and the admin CLI share: DATABASE_URL means PostgreSQL, otherwise a SQLite file. */
export function databaseConfigFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  if (env.DATABASE_URL) return { kind: 'postgres', url: env.DATABASE_URL };
  return { kind: 'sqlite', file: env.DATABASE_FILE ?? DEFAULT_SQLITE_FILE };
}

/** Where a config points, for a start-up line; never prints a password from a connection string. */
export function describeDatabase(config: DatabaseConfig): string {
  if (config.kind === 'sqlite') return config.file === ':memory:' ? 'SQLite in memory' : `SQLite ${resolve(config.file)}`;
  if (!config.url) return 'PostgreSQL (pool)';
  const url = new URL(config.url);
  url.password = '';
  return `PostgreSQL ${url.host}${url.pathname}`;
}

export function openDatabase(config: DatabaseConfig): Db {
  if (config.kind === 'sqlite') return new Kysely<Database>({ dialect: new SqliteDialect({ database: openSqlite(config.file) }) });
  if (config.schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(config.schema)) throw new Error(`Invalid schema name: ${config.schema}`);
  const pool =
    config.pool ??
    new Pool({
      connectionString: config.url,
      max: 10,
      ...(config.schema ? { options: `-c search_path=${config.schema}` } : {}),
    });
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/**
 * By the adapter's class name, not instanceof: code loaded twice (the bench loads modules through tsx, each
 * graph with its own copy of kysely) has two PostgresAdapter classes, and instanceof then silently says no.
 */
export function isPostgres(db: Pick<Db, 'getExecutor'>): boolean {
  const adapter = db.getExecutor().adapter;
  return adapter instanceof PostgresAdapter || adapter.constructor.name === PostgresAdapter.name;
}

/** The first GiB of the database file is read through a memory map (openSqlite). */
export const SQLITE_MMAP_BYTES = 1024 ** 3;

function openSqlite(file: string): SQLite.Database {
  if (file !== ':memory:') mkdirSync(dirname(resolve(file)), { recursive: true });
  const sqlite = new SQLite(file);
  // WAL lets the admin CLI read and write while the server runs; FULL makes a committed write survive power loss.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  // A second process (the CLI) waits for a lock instead of failing at once.
  sqlite.pragma('busy_timeout = 5000');
  // Reads through a memory map instead of a system call per 4 KiB page: a 50,000-note history read in pages
  // (the largest read a first sync makes) took half the time in SQLite, and the server's CPU per pass fell from
  // 1,590 to 1,280 ms here. The map holds the file's pages in the OS cache, not the process's heap. Its cost: a
  // disk that fails under a mapped page ends the process (SIGBUS) instead of failing one query.
  sqlite.pragma(`mmap_size = ${SQLITE_MMAP_BYTES}`);
  return sqlite;
}
