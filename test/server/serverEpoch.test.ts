import type { FastifyInstance } from 'fastify';
import { Migrator } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../src/sync/protocol';
import { parseChanges, parseLogin, parsePushResponse, parseSnapshot } from '../../src/sync/responses';
import { migrateToLatest, migrations } from '../../src/server/store/migrations';
import { openDatabase } from '../../src/server/store/openDatabase';
import { readServerEpoch, renewServerEpoch } from '../../src/server/store/serverEpoch';
import { accessToken, Device, getChanges, getSnapshot } from './support/syncClient';
import { caseRow } from './support/syncFixtures';
import { describeEachDatabase } from './support/testDatabases';
import { createMember, login, refresh, refreshTokenOf, SIGN_IN_FREELY, startApp } from './support/testServer';

describeEachDatabase('devices, audit and server epoch (0004)', (store) => {
  it('adds the device and audit columns and the server_meta table', async () => {
    const tables = await store().db.introspection.getTables();
    const columns = (name: string) => tables.find((t) => t.name === name)?.columns.map((c) => c.name) ?? [];
    expect(columns('sync_clients')).toEqual(expect.arrayContaining(['first_seen_at', 'last_seen_at', 'app_version', 'revoked_at']));
    expect(columns('audit_log')).toEqual(expect.arrayContaining(['client_id', 'case_id']));
    expect(columns('server_meta')).toEqual(['key', 'value']);
  });

  it('keeps one epoch until it is renewed, and makes a missing one again', async () => {
    const db = store().db;
    const first = await readServerEpoch(db);
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(await readServerEpoch(db)).toBe(first);
    const renewed = await renewServerEpoch(db);
    expect(renewed).not.toBe(first);
    expect(await readServerEpoch(db)).toBe(renewed);
    await db.deleteFrom('server_meta').execute();
    const remade = await readServerEpoch(db);
    expect([first, renewed]).not.toContain(remade);
    expect(await readServerEpoch(db)).toBe(remade);
  });

  describe('in every answer', () => {
    let app: FastifyInstance;
    beforeAll(async () => {
      app = await startApp(store().db, SIGN_IN_FREELY);
    });
    afterAll(() => app.close());

    async function epochsOfEveryAnswer(): Promise<Array<string | undefined>> {
      const member = await createMember(store().db);
      const signedIn = await login(app, member.user.email, member.password);
      const refreshed = await refresh(app, refreshTokenOf(signedIn)!);
      const d = new Device(app, await accessToken(app, member));
      const pushed = await d.send([d.entry({ type: 'case.create', row: caseRow(member.teamId) })]);
      // Each through the device's own parser: the field must survive it.
      return [
        parseLogin(signedIn.json()).serverEpoch,
        parseLogin(refreshed.json()).serverEpoch,
        parsePushResponse(pushed.json()).serverEpoch,
        parseChanges((await getChanges(app, d.token, member.teamId, 0)).json()).serverEpoch,
        parseSnapshot((await getSnapshot(app, d.token, member.teamId)).json()).serverEpoch,
      ];
    }

    it('login, refresh, push, changes and snapshot all carry the one current epoch, and a renewed one at once', async () => {
      const epoch = await readServerEpoch(store().db);
      expect(await epochsOfEveryAnswer()).toEqual(Array(5).fill(epoch));
      const renewed = await renewServerEpoch(store().db);
      expect(await epochsOfEveryAnswer()).toEqual(Array(5).fill(renewed));
    });

    it('the device parsers still take answers of a server without it', () => {
      expect(parsePushResponse({ protocol: PROTOCOL_VERSION, results: [] }).serverEpoch).toBeUndefined();
      expect(parseLogin({ accessToken: 't', expiresIn: 1, user: { id: 'u', displayName: 'U', role: 'worker', organisationId: 'o', teamIds: [] } }).serverEpoch).toBeUndefined();
    });
  });
});

it('dates installs that pushed before 0004 by their first and last stored answer', async () => {
  const db = openDatabase({ kind: 'sqlite', file: ':memory:' });
  const provider = { getMigrations: async () => migrations };
  await new Migrator({ db, provider }).migrateTo('0002_sync');
  await db.insertInto('sync_clients').values([{ client_id: 'c1', user_id: 'u1', last_seq: 2 }, { client_id: 'c2', user_id: 'u1', last_seq: 0 }]).execute();
  await db
    .insertInto('client_mutations')
    .values([
      { client_id: 'c1', mutation_id: 'm1', seq: 1, outcome: 'applied', error: null, created_at: '2025-01-02T10:00:00.000Z' },
      { client_id: 'c1', mutation_id: 'm2', seq: 2, outcome: 'applied', error: null, created_at: '2025-03-04T10:00:00.000Z' },
    ])
    .execute();
  const before = new Date().toISOString();
  await migrateToLatest(db);
  const rows = await db.selectFrom('sync_clients').select(['client_id', 'first_seen_at', 'last_seen_at', 'revoked_at']).orderBy('client_id').execute();
  expect(rows[0]).toEqual({ client_id: 'c1', first_seen_at: '2025-01-02T10:00:00.000Z', last_seen_at: '2025-03-04T10:00:00.000Z', revoked_at: null });
  expect(rows[1]!.first_seen_at! >= before && rows[1]!.last_seen_at === rows[1]!.first_seen_at).toBe(true);
  expect(await readServerEpoch(db)).toMatch(/^[0-9a-f-]{36}$/);
  await db.destroy();
});
