import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createOrganisation } from '../../src/server/accounts/organisations';
import { activeDemoLogins, DEMO_TEAMS, DEMO_USERS, formatDemoLogins, seedDemoAccounts } from '../../src/server/demo/demoAccounts';
import { demoExposureWarning, isLoopback } from '../../src/server/demo/demoExposureWarning';
import { DEMO_SCOPES } from '../../src/server/demo/demoSnapshot';
import { describeEachDatabase } from './support/testDatabases';
import { login, startApp } from './support/testServer';

describeEachDatabase('demo accounts', (store) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    expect(await seedDemoAccounts(store().db)).toEqual({ seeded: true });
    expect(await seedDemoAccounts(store().db)).toEqual({ seeded: true }); // every `npm start` seeds again
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

describeEachDatabase('demo accounts next to a real organisation', (store) => {
  it('are never created in a database that holds a real organisation, and say why', async () => {
    await createOrganisation(store().db, { name: 'OCMW Echt' });
    const result = await seedDemoAccounts(store().db);
    expect(result).toEqual({ seeded: false, reason: expect.stringContaining('OCMW Echt') });
    expect(await store().db.selectFrom('users').select('id').execute()).toEqual([]);
    expect(await store().db.selectFrom('organisations').select('name').execute()).toEqual([{ name: 'OCMW Echt' }]);
    expect(await activeDemoLogins(store().db)).toBe(0);
  });
});

it.each([
  ['127.0.0.1', true],
  ['127.8.0.1', true],
  ['localhost', true],
  ['::1', true],
  ['0.0.0.0', false],
  ['::', false],
  ['192.168.1.20', false],
  ['veldwerk.example', false],
])('counts %s as loopback: %s', (host, loopback) => {
  expect(isLoopback(host)).toBe(loopback);
});

it('warns loudly, on several lines, only when working demo logins meet a reachable address', () => {
  const warning = demoExposureWarning('0.0.0.0', 4);
  expect(warning?.split('\n').length).toBeGreaterThan(5);
  expect(warning).toMatch(/WAARSCHUWING: 4 demo-login/);
  expect(warning).toContain('0.0.0.0');
  expect(demoExposureWarning('127.0.0.1', 4)).toBeUndefined();
  expect(demoExposureWarning('0.0.0.0', 0)).toBeUndefined();
});
