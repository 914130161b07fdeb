import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runBackupCommand } from '../../src/server/cli/backupCommands';
import type { Db } from '../../src/server/store/database';
import { migrateToLatest } from '../../src/server/store/migrations';
import { openDatabase, type DatabaseConfig } from '../../src/server/store/openDatabase';
import { readServerEpoch } from '../../src/server/store/serverEpoch';
import type { ChangesResponse, SnapshotResponse } from '../../src/sync/protocol';
import { accessToken, Device, getChanges, getSnapshot } from './support/syncClient';
import { caseRow } from './support/syncFixtures';
import { createMember, SIGN_IN_FREELY, startApp } from './support/testServer';

async function cli(config: DatabaseConfig, argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runBackupCommand(argv, { config, out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** A migrated database with a server on it, a member, their device, and one case the device pushed. */
async function runningWithOneCase(config: DatabaseConfig) {
  const db = openDatabase(config);
  await migrateToLatest(db);
  const app = await startApp(db, SIGN_IN_FREELY);
  const member = await createMember(db);
  const device = new Device(app, await accessToken(app, member));
  const before = caseRow(member.teamId);
  await device.push([device.entry({ type: 'case.create', row: before })]);
  return { db, app, member, device, before, epochBefore: await readServerEpoch(db) };
}

const caseIds = async (db: Db) => (await db.selectFrom('records').select('id').where('collection', '=', 'cases').orderBy('id').execute()).map((r) => r.id);

describe('backup and restore of a SQLite database', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'veldwerk-backup-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('backs up while the server writes, restores the older state, and presents a new epoch', async () => {
    const config: DatabaseConfig = { kind: 'sqlite', file: join(dir, 'live.sqlite') };
    const backupFile = join(dir, 'nightly.sqlite');
    let { db, app, member, device, before, epochBefore } = await runningWithOneCase(config);

    // Online: the server is running and keeps its connection open while the backup is taken.
    const taken = await cli(config, ['backup', '--out', backupFile]);
    expect(taken, taken.err).toMatchObject({ code: 0, out: expect.stringContaining('Backup written') });
    const after = caseRow(member.teamId);
    await device.push([device.entry({ type: 'case.create', row: after })]);
    expect(await caseIds(db)).toEqual([before.id, after.id].sort());
    await app.close();
    await db.destroy();

    const restored = await cli(config, ['restore', '--from', backupFile]);
    expect(restored, restored.err).toMatchObject({ code: 0, out: expect.stringContaining('New server epoch') });
    expect(readdirSync(dir).some((f) => f.startsWith('live.sqlite.before-restore-'))).toBe(true);

    db = openDatabase(config);
    const epochAfter = await readServerEpoch(db);
    expect(epochAfter).not.toBe(epochBefore);
    expect(restored.out).toContain(epochAfter);
    expect(await caseIds(db)).toEqual([before.id]);
    // A device that pulls now sees the backup's rows and the new epoch.
    app = await startApp(db, SIGN_IN_FREELY);
    const pulled = (await getChanges(app, await accessToken(app, member), member.teamId, 0)).json() as ChangesResponse;
    expect(pulled.rows.map((r) => r.id)).toEqual([before.id]);
    expect(pulled.serverEpoch).toBe(epochAfter);
    await app.close();
    await db.destroy();
  });

  it('never overwrites a file with a backup, and restores only a Veldwerk database', async () => {
    const config: DatabaseConfig = { kind: 'sqlite', file: join(dir, 'other.sqlite') };
    const db = openDatabase(config);
    await migrateToLatest(db);
    await db.destroy();
    const existing = join(dir, 'exists.sqlite');
    writeFileSync(existing, 'keep me');
    expect((await cli(config, ['backup', '--out', existing])).code).toBe(1);
    expect((await cli(config, ['restore', '--from', existing])).code).toBe(1);
    expect((await cli(config, ['restore', '--from', join(dir, 'missing.sqlite')])).code).toBe(1);
    expect((await cli(config, ['backup'])).code).toBe(2);
    expect((await cli({ kind: 'postgres', url: 'postgres://x@127.0.0.1:1/none' }, ['backup', '--out', join(dir, 'pg.dump')])).err).toContain('pg_dump -Fc');
    expect(existsSync(join(dir, 'pg.dump'))).toBe(false);
  });

  it('runs as npm run admin -- backup', async () => {
    const file = join(dir, 'cli.sqlite');
    const db = openDatabase({ kind: 'sqlite', file });
    await migrateToLatest(db);
    await db.destroy();
    const target = join(dir, 'cli-backup.sqlite');
    const run = await promisify(execFile)('npx', ['tsx', 'src/server/cli/admin.ts', 'backup', '--out', target], { env: { ...process.env, DATABASE_FILE: file, DATABASE_URL: '' } });
    expect(run.stdout).toContain('Backup written');
    expect(existsSync(target)).toBe(true);
  });
});

describe.skipIf(!inject('postgres').reachable)('restore-done on PostgreSQL (after pg_restore)', () => {
  const url = inject('postgres').url;
  const schema = `vw_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  beforeAll(async () => {
    await admin.connect();
    await admin.query(`create schema ${schema}`);
  });
  afterAll(async () => {
    await admin.query(`drop schema ${schema} cascade`);
    await admin.end();
  });

  it('gives the server a new epoch', async () => {
    const config: DatabaseConfig = { kind: 'postgres', url, schema };
    const db = openDatabase(config);
    await migrateToLatest(db);
    const before = await readServerEpoch(db);
    const done = await cli(config, ['restore-done']);
    expect(done.code).toBe(0);
    const after = await readServerEpoch(db);
    expect(after).not.toBe(before);
    expect(done.out).toContain(after);
    expect((await cli(config, ['restore', '--from', 'x.dump'])).err).toContain('pg_restore');
    await db.destroy();
  });

  it('round-trips through pg_dump -Fc and pg_restore as the README says: the older state, a new epoch, and devices told', async () => {
    const config: DatabaseConfig = { kind: 'postgres', url, schema };
    const dump = join(mkdtempSync(join(tmpdir(), 'veldwerk-pg-')), 'veldwerk.dump');
    let { db, app, member, device, before, epochBefore } = await runningWithOneCase(config);

    // Online: pg_dump takes a consistent snapshot while the server keeps its connections.
    await run('pg_dump', ['-Fc', `--schema=${schema}`, '-f', dump, url]);
    const after = caseRow(member.teamId);
    await device.push([device.entry({ type: 'case.create', row: after })]);
    const seen = (await getChanges(app, await accessToken(app, member), member.teamId, 0)).json() as ChangesResponse;
    expect(seen.rows.map((r) => r.id).sort()).toEqual([before.id, after.id].sort());
    await app.close();
    await db.destroy();

    // Stopped: restore, then restore-done, then start again.
    await run('pg_restore', ['--clean', '--if-exists', '-d', url, dump]);
    expect((await cli(config, ['restore-done'])).code).toBe(0);
    db = openDatabase(config);
    expect(await caseIds(db)).toEqual([before.id]);
    const epochAfter = await readServerEpoch(db);
    expect(epochAfter).not.toBe(epochBefore);
    app = await startApp(db, SIGN_IN_FREELY);
    // A device that pulls on from where it was is past the restored state: told to start over, it takes a
    // snapshot, which carries the new epoch (its unsent changes are kept and sent again: see sync/restore).
    const token = await accessToken(app, member);
    const answer = await getChanges(app, token, member.teamId, seen.cursor);
    expect({ status: answer.statusCode, code: answer.json().error?.code }).toEqual({ status: 410, code: 'cursorExpired' });
    const snapshot = await getSnapshot(app, token, member.teamId);
    expect((snapshot.json() as SnapshotResponse).rows.map((r) => r.id)).toEqual([before.id]);
    expect((snapshot.json() as SnapshotResponse).serverEpoch).toBe(epochAfter);
    await app.close();
    await db.destroy();
  });
});

/** A PostgreSQL client program as an operator runs it; its error output is the failure's message. */
async function run(program: string, args: string[]): Promise<void> {
  try {
    await promisify(execFile)(program, args);
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    throw new Error(`${program} failed: ${stderr || String(error)}`);
  }
}
