import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, SQLITE_MMAP_BYTES } from '../../src/server/store/openDatabase';

// The settings a SQLite file is opened with (openDatabase.ts), read back from SQLite itself: a setting SQLite
// does not take (an unknown name, a value past its limit) is dropped without an error.
describe('a SQLite database file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'veldwerk-sqlite-'));
  const db = openDatabase({ kind: 'sqlite', file: join(dir, 'org.sqlite') });
  afterAll(async () => {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });
  const pragma = async (name: string) => Object.values((await sql.raw(`pragma ${name}`).execute(db)).rows[0] as object)[0];

  it.each([
    ['journal_mode', 'wal'],
    ['synchronous', 2], // FULL
    ['foreign_keys', 1],
    ['busy_timeout', 5000],
    ['mmap_size', SQLITE_MMAP_BYTES],
  ])('has %s = %s', async (name, value) => {
    expect(await pragma(name)).toBe(value);
  });
});
