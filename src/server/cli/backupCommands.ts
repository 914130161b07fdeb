import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import SQLite from 'better-sqlite3';
import { migrateToLatest } from '../store/migrations';
import { describeDatabase, openDatabase, type DatabaseConfig } from '../store/openDatabase';
import { renewServerEpoch } from '../store/serverEpoch';

export interface BackupIo {
  config: DatabaseConfig;
  out(line: string): void;
  err(line: string): void;
  now?: () => Date;
}

export const BACKUP_USAGE = `Backups (npm run admin -- <command>):
  backup --out FILE     SQLite: an online copy of the live database (the server may keep running)
  restore --from FILE   SQLite: puts a backup in place (stop the server first), then a new server epoch
  restore-done          after any restore, PostgreSQL's pg_restore included: a new server epoch
PostgreSQL is backed up with pg_dump -Fc and restored with pg_restore (see the README).`;

const COMMANDS = new Set(['backup', 'restore', 'restore-done']);

export function isBackupCommand(command: string | undefined): boolean {
  return command !== undefined && COMMANDS.has(command);
}

/** Exit codes as the admin CLI's: 0 done, 1 refused, 2 wrong usage. */
export async function runBackupCommand(argv: string[], io: BackupIo): Promise<0 | 1 | 2> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { out: { type: 'string' }, from: { type: 'string' } } });
  } catch (error) {
    io.err(`${error instanceof Error ? error.message : String(error)}\n${BACKUP_USAGE}`);
    return 2;
  }
  const [command] = parsed.positionals;
  const { out, from } = parsed.values;
  if (command === 'restore-done') return newEpoch(io);
  if (command === 'backup' && out) return backup(io, out);
  if (command === 'restore' && from) return restore(io, from);
  io.err(BACKUP_USAGE);
  return 2;
}

function sqliteFile(io: BackupIo, what: string): string | undefined {
  if (io.config.kind === 'sqlite' && io.config.file !== ':memory:') return io.config.file;
  io.err(`${what} works on a SQLite file; this is ${describeDatabase(io.config)}. For PostgreSQL use pg_dump -Fc / pg_restore, then "restore-done" (see the README).`);
  return undefined;
}

/**
 * SQLite's online backup API (through better-sqlite3), not a file copy: a copy of a live WAL database can miss
 * what is still in the -wal file or catch a write half-done; the backup API copies a consistent state while
 * the server goes on writing.
 */
async function backup(io: BackupIo, target: string): Promise<0 | 1> {
  const file = sqliteFile(io, 'backup');
  if (!file) return 1;
  if (!existsSync(file)) return refuse(io, `There is no database at ${resolve(file)}.`);
  if (existsSync(target)) return refuse(io, `${resolve(target)} already exists; choose a new name (a backup never overwrites one).`);
  await copyDatabase(file, target);
  const check = checkBackup(target);
  if (check) return refuse(io, `The backup at ${resolve(target)} did not check out: ${check}`);
  io.out(`Backup written: ${resolve(target)} (${statSync(target).size} bytes), checked.`);
  return 0;
}

/**
 * Puts a backup in place, through the same backup API (page by page into the database, WAL included), keeps
 * what was there as <file>.before-restore-<time>, brings the schema up to date and gives the server a new epoch.
 */
async function restore(io: BackupIo, source: string): Promise<0 | 1> {
  const file = sqliteFile(io, 'restore');
  if (!file) return 1;
  if (!existsSync(source)) return refuse(io, `There is no backup at ${resolve(source)}.`);
  const check = checkBackup(source);
  if (check) return refuse(io, `${resolve(source)} is not a Veldwerk backup: ${check}`);
  if (existsSync(file)) {
    const kept = `${file}.before-restore-${(io.now?.() ?? new Date()).toISOString().replace(/[:.]/g, '-')}`;
    await copyDatabase(file, kept);
    io.out(`The database as it was is kept in ${resolve(kept)}.`);
  }
  await copyDatabase(source, file);
  io.out(`Restored ${resolve(source)} into ${resolve(file)}.`);
  return newEpoch(io);
}

/**
 * The database went back in time: devices that synced past this state must notice, so the epoch every answer
 * carries changes, and they take a fresh snapshot (keeping their unsent changes).
 */
async function newEpoch(io: BackupIo): Promise<0> {
  const db = openDatabase(io.config);
  try {
    await migrateToLatest(db);
    const epoch = await renewServerEpoch(db);
    io.out(`New server epoch ${epoch} on ${describeDatabase(io.config)}: devices will take a fresh snapshot at their next sync.`);
  } finally {
    await db.destroy();
  }
  return 0;
}

async function copyDatabase(from: string, to: string): Promise<void> {
  const source = new SQLite(from, { fileMustExist: true });
  try {
    source.pragma('busy_timeout = 5000');
    await source.backup(to);
  } finally {
    source.close();
  }
}

/** Why a file is not a usable Veldwerk database, or undefined when it is. */
function checkBackup(file: string): string | undefined {
  let db: SQLite.Database | undefined;
  try {
    db = new SQLite(file, { readonly: true, fileMustExist: true });
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') return `integrity check says ${String(integrity)}`;
    const migrated = db.prepare("select count(*) as n from sqlite_master where type = 'table' and name = 'kysely_migration'").get() as { n: number };
    if (migrated.n === 0) return 'it has no Veldwerk schema';
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    db?.close();
  }
}

function refuse(io: BackupIo, message: string): 1 {
  io.err(message);
  return 1;
}
