import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_USERS, seedDemoAccounts } from '../../src/server/demo/demoAccounts';
import { seedDemoRecords } from '../../src/server/demo/demoRecords';
import { SCHULDHULP_TEAM_ID } from '../../src/server/demo/demoSchuldhulp';
import { DEMO_SCOPES, demoSnapshot } from '../../src/server/demo/demoSnapshot';
import { accessToken, Device, getChanges, outcomes, pullAll, snapshotAll } from './support/syncClient';
import { describeEachDatabase } from './support/testDatabases';
import { SIGN_IN_FREELY, startApp } from './support/testServer';

describeEachDatabase('demo data in the synced store', (store) => {
  let app: FastifyInstance;
  const token = async (key: string) => {
    const demo = DEMO_USERS.find((u) => u.email.startsWith(`${key}@`))!;
    return accessToken(app, { user: { email: demo.email } as never, password: demo.password });
  };
  beforeAll(async () => {
    await seedDemoAccounts(store().db);
    await seedDemoRecords(store().db);
    app = await startApp(store().db, SIGN_IN_FREELY);
  });
  afterAll(() => app.close());

  it('loads the demo snapshot once per scope, whatever the number of starts', async () => {
    const before = await store().db.selectFrom('scope_versions').selectAll().orderBy('scope_id').execute();
    await seedDemoRecords(store().db, new Date(Date.now() + 86_400_000));
    expect(await store().db.selectFrom('scope_versions').selectAll().orderBy('scope_id').execute()).toEqual(before);
    const snapshot = demoSnapshot(new Date());
    const lotte = await token('lotte');
    const team = (await snapshotAll(app, lotte, DEMO_SCOPES.teamId)).flatMap((p) => p.rows);
    expect(team).toHaveLength(snapshot.cases.length + snapshot.notes.length + snapshot.followUps.length);
    const org = (await pullAll(app, lotte, DEMO_SCOPES.orgId)).rows;
    expect(org.map((r) => r.id).sort()).toEqual([...snapshot.partners, ...snapshot.examples].map((r) => r.id).sort());
  });

  it('keeps what demo users changed across restarts', async () => {
    const samir = await token('samir');
    const d = new Device(app, samir);
    const results = await d.push([d.entry({ type: 'case.transition', id: 'demo-schuld-case-2', status: 'closed' }, { status: 2 })]);
    expect(outcomes(results)).toEqual(['applied']);
    await seedDemoRecords(store().db);
    const rows = (await pullAll(app, samir, SCHULDHULP_TEAM_ID)).rows;
    expect(rows.find((r) => r.id === 'demo-schuld-case-2')!.row).toMatchObject({ status: 'closed' });
  });

  it('gives each demo user their own teams only', async () => {
    expect((await getChanges(app, await token('lotte'), SCHULDHULP_TEAM_ID, 0)).statusCode).toBe(404);
    expect((await getChanges(app, await token('samir'), DEMO_SCOPES.teamId, 0)).statusCode).toBe(404);
    const hilde = await token('hilde');
    for (const scope of [DEMO_SCOPES.teamId, SCHULDHULP_TEAM_ID, DEMO_SCOPES.orgId]) expect((await pullAll(app, hilde, scope)).rows.length).toBeGreaterThan(0);
    expect((await getChanges(app, await token('beheer'), DEMO_SCOPES.teamId, 0)).statusCode).toBe(404);
  });
});
