import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { DEMO_TEAMS, DEMO_USERS, formatDemoLogins, seedDemoAccounts } from '../../src/server/demo/demoAccounts';
import { DEMO_SCOPES } from '../../src/server/demo/demoSnapshot';
import { describeEachDatabase } from './support/testDatabases';
import { login, startApp } from './support/testServer';

describeEachDatabase('demo accounts', (store) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    await seedDemoAccounts(store().db);
    await seedDemoAccounts(store().db); // every `npm start` seeds again
    app = await startApp(store().db);
  });
  afterAll(() => app.close());

  it('seeds Voorbeeldstad once, with the ids of the demo snapshot', async () => {
    expect(await store().db.selectFrom('organisations').select('id').execute()).toEqual([{ id: DEMO_SCOPES.orgId }]);
    const teams = await store().db.selectFrom('teams').select(['id', 'name']).orderBy('id').execute();
    expect(teams).toEqual([...DEMO_TEAMS].sort((x, y) => x.id.localeCompare(y.id)));
    expect(await store().db.selectFrom('users').select('email').execute()).toHaveLength(DEMO_USERS.length);
  });

  it.each(DEMO_USERS.map((u) => [u.email, u] as const))('lets %s log in with the printed password', async (_email, demo) => {
    const res = await login(app, demo.email, demo.password);
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ role: demo.role, organisationId: DEMO_SCOPES.orgId, teamIds: [...demo.teamIds].sort() });
  });

  it('prints every demo login with its password, role and teams', () => {
    const table = formatDemoLogins();
    for (const user of DEMO_USERS) expect(table).toMatch(new RegExp(`${user.email}\\s+${user.password}\\s+${user.role}`));
    expect(table).toContain('Onthaal, Schuldhulp');
  });
});
