import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { migrateToLatest, migrations } from '../../src/server/store/migrations';
import { isPostgres } from '../../src/server/store/openDatabase';
import { describeEachDatabase } from './support/testDatabases';

const TABLES = ['audit_log', 'memberships', 'organisations', 'refresh_tokens', 'signing_keys', 'teams', 'users', 'records', 'scope_versions', 'sync_clients', 'client_mutations'];

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
});

it('keeps the migrations in one exported object that later migrations extend', () => {
  expect(Object.keys(migrations)).toContain('0001_accounts');
});
