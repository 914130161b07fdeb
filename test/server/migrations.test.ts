import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { migrateToLatest, migrations } from '../../src/server/store/migrations';
import { isPostgres } from '../../src/server/store/openDatabase';
import { describeEachDatabase } from './support/testDatabases';

const TABLES = ['audit_log', 'memberships', 'organisations', 'refresh_tokens', 'signing_keys', 'teams', 'users', 'records', 'scope_versions', 'sync_clients', 'client_mutations', 'org_settings'];

describeEachDatabase('migrations', (store) => {
  it('create every account and sync table', async () => {
    const tables = (await store().db.introspection.getTables()).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(TABLES));
  });

  it('are recorded, so running them again does nothing', async () => {
    expect(await migrateToLatest(store().db)).toEqual([]);
    const ran = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(store().db);
    expect(ran.rows.map((r) => r.name)).toEqual(Object.keys(migrations).sort());
  });

  it('talk to the database the suite is named after', () => {
    expect(isPostgres(store().db)).toBe(store().kind === 'postgres');
  });

  it('enforce foreign keys and the role check on both databases', async () => {
    const db = store().db;
    await expect(db.insertInto('teams').values({ id: 'orphan', organisation_id: 'no-such-org', name: 'X' }).execute()).rejects.toThrow();
    await db.insertInto('organisations').values({ id: 'mig-org', name: 'Org' }).execute();
    const user = { id: 'mig-user', organisation_id: 'mig-org', email: 'mig@test.example', display_name: 'M', password_hash: 'x', created_at: new Date().toISOString(), disabled: 0 };
    await expect(db.insertInto('users').values({ ...user, role: 'superuser' as 'admin' }).execute()).rejects.toThrow();
    await db.insertInto('users').values({ ...user, role: 'admin' }).execute();
    await expect(db.insertInto('users').values({ ...user, id: 'mig-user-2', role: 'admin' }).execute()).rejects.toThrow();
  });

  it('add a nullable revocation stamp to users and one settings row per existing organisation (0003)', async () => {
    const db = store().db;
    await db.insertInto('organisations').values({ id: 'mig-org-3', name: 'Org 3' }).execute();
    const user = { id: 'mig-user-3', organisation_id: 'mig-org-3', email: 'mig3@test.example', display_name: 'M', role: 'worker' as const, password_hash: 'x', created_at: new Date().toISOString(), disabled: 0 };
    await db.insertInto('users').values(user).execute();
    expect((await db.selectFrom('users').select('tokens_valid_after').where('id', '=', user.id).executeTakeFirstOrThrow()).tokens_valid_after).toBeNull();
    await db.updateTable('users').set({ tokens_valid_after: '2026-01-01T00:00:00.000Z' }).where('id', '=', user.id).execute();
    expect((await db.selectFrom('users').select('tokens_valid_after').where('id', '=', user.id).executeTakeFirstOrThrow()).tokens_valid_after).toBe('2026-01-01T00:00:00.000Z');
    const settings = { organisation_id: 'mig-org-3', screen_lock_minutes: 5, full_lock_minutes: 30, note_retention_years: 10 };
    await db.insertInto('org_settings').values(settings).execute();
    await expect(db.insertInto('org_settings').values(settings).execute()).rejects.toThrow();
    await expect(db.insertInto('org_settings').values({ ...settings, organisation_id: 'no-such-org' }).execute()).rejects.toThrow();
    // 0005 added session_max_days with its default.
    expect(await db.selectFrom('org_settings').selectAll().where('organisation_id', '=', 'mig-org-3').execute()).toEqual([{ ...settings, session_max_days: 30 }]);
  });

  it('add the login attempts table, the session start of refresh token families and the session lifetime setting (0005)', async () => {
    const db = store().db;
    const tables = await db.introspection.getTables();
    const columns = (table: string) => tables.find((t) => t.name === table)?.columns.map((c) => c.name) ?? [];
    expect(columns('login_attempts')).toEqual(expect.arrayContaining(['id', 'account_key', 'address', 'at', 'succeeded']));
    expect(columns('refresh_tokens')).toContain('session_started_at');
    expect(columns('org_settings')).toContain('session_max_days');
  });
});

it('keeps the migrations in one exported object that later migrations extend', () => {
  expect(Object.keys(migrations)).toEqual(expect.arrayContaining(['0001_accounts', '0002_sync', '0003_admin', '0004_devices_audit', '0005_sign_in_limits', '0006_note_case_index']));
});

describeEachDatabase('migration 0005 on a database that already has sessions', (store) => {
  const migrator = async () => {
    const { Migrator } = await import('kysely');
    const schema = isPostgres(store().db) ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(store().db)).rows[0]?.schema : undefined;
    return new Migrator({ db: store().db, provider: { getMigrations: async () => migrations }, ...(schema ? { migrationTableSchema: schema } : {}) });
  };

  it('gives every existing token family the time of its oldest token as its session start, and goes down and up again', async () => {
    const db = store().db;
    const down = await (await migrator()).migrateTo('0004_devices_audit');
    expect(down.error).toBeUndefined();
    await db.insertInto('organisations').values({ id: 'm5-org', name: 'Org' }).execute();
    await db.insertInto('users').values({ id: 'm5-user', organisation_id: 'm5-org', email: 'm5@test.example', display_name: 'M', role: 'worker', password_hash: 'x', created_at: '2026-01-01T00:00:00.000Z', disabled: 0 }).execute();
    // Inserted without the 0005 column, as the schema was then.
    await sql`insert into refresh_tokens (id, user_id, family_id, token_hash, created_at, expires_at) values
      (${'t1'}, ${'m5-user'}, ${'f1'}, ${'t1'}, ${'2026-03-01T00:00:00.000Z'}, ${'2027-01-01T00:00:00.000Z'}),
      (${'t2'}, ${'m5-user'}, ${'f1'}, ${'t2'}, ${'2026-03-05T00:00:00.000Z'}, ${'2027-01-01T00:00:00.000Z'}),
      (${'t3'}, ${'m5-user'}, ${'f2'}, ${'t3'}, ${'2026-04-01T00:00:00.000Z'}, ${'2027-01-01T00:00:00.000Z'})`.execute(db);
    expect((await migrateToLatest(db))[0]).toBe('0005_sign_in_limits');
    const rows = await db.selectFrom('refresh_tokens').select(['id', 'session_started_at']).where('user_id', '=', 'm5-user').orderBy('id').execute();
    expect(rows).toEqual([
      { id: 't1', session_started_at: '2026-03-01T00:00:00.000Z' },
      { id: 't2', session_started_at: '2026-03-01T00:00:00.000Z' },
      { id: 't3', session_started_at: '2026-04-01T00:00:00.000Z' },
    ]);
  });
});
