import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEFAULT_ORG_SETTINGS, type Person, type Team } from '../../src/model/admin';
import { adminCall, adminWorld, type AdminWorld } from './support/adminWorld';
import { describeEachDatabase } from './support/testDatabases';
import { errorShape, login, SIGN_IN_FREELY, startApp } from './support/testServer';

describeEachDatabase('admin API: teams, memberships and settings', (store) => {
  let app: FastifyInstance;
  let w: AdminWorld;
  const asAdmin = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: unknown) => adminCall(app, w.callers.admin.token, method, url, payload);
  const auditOf = (target: string) => store().db.selectFrom('audit_log').select(['user_id', 'action']).where('target', '=', target).orderBy('id').execute();
  const teamsOfSubject = async () => ((await asAdmin('GET', '/api/admin/people')).json().people as Person[]).find((p) => p.id === w.subject.userId)!.teamIds;

  beforeAll(async () => {
    app = await startApp(store().db, SIGN_IN_FREELY);
    w = await adminWorld(store().db, app);
  });
  afterAll(() => app.close());

  it('lists the organisation’s teams with their members to an admin, and only their own teams to a coordinator', async () => {
    const all = (await asAdmin('GET', '/api/admin/teams')).json().teams as Team[];
    expect(all.map((t) => t.id).sort()).toEqual([w.teamA1, w.teamA2].sort());
    expect(all.find((t) => t.id === w.teamA1)!.memberIds.sort()).toEqual([w.callers.coordinator.userId, w.colleague.userId].sort());
    expect(all.find((t) => t.id === w.teamA2)).toEqual({ id: w.teamA2, name: 'A2', memberIds: [w.subject.userId] });
    const own = (await adminCall(app, w.callers.coordinator.token, 'GET', '/api/admin/teams')).json().teams as Team[];
    expect(own.map((t) => t.id)).toEqual([w.teamA1]);
  });

  it('creates and renames a team, audited', async () => {
    const created = await asAdmin('POST', '/api/admin/teams', { name: '  Schuldhulp  ' });
    expect(created.statusCode).toBe(200);
    const team = created.json().team as Team;
    expect(team).toEqual({ id: expect.any(String), name: 'Schuldhulp', memberIds: [] });
    const renamed = await asAdmin('PATCH', `/api/admin/teams/${team.id}`, { name: 'Budgetbegeleiding' });
    expect(renamed.json().team).toEqual({ ...team, name: 'Budgetbegeleiding' });
    expect(((await asAdmin('GET', '/api/admin/teams')).json().teams as Team[]).map((t) => t.name)).toContain('Budgetbegeleiding');
    expect((await auditOf(team.id)).map((a) => a.action)).toEqual(['team.create', 'team.rename']);
  });

  it('adds and removes a member, each once however often it is asked, and the person’s next session says so', async () => {
    const put = () => asAdmin('PUT', `/api/admin/teams/${w.teamA1}/members/${w.subject.userId}`);
    const del = () => asAdmin('DELETE', `/api/admin/teams/${w.teamA1}/members/${w.subject.userId}`);
    expect((await put()).statusCode).toBe(204);
    expect((await put()).statusCode).toBe(204);
    expect((await teamsOfSubject()).sort()).toEqual([w.teamA1, w.teamA2].sort());
    expect((await del()).statusCode).toBe(204);
    expect((await del()).statusCode).toBe(204);
    expect(await teamsOfSubject()).toEqual([w.teamA2]);
    const actions = (await auditOf(w.subject.userId)).filter((a) => a.user_id === w.callers.admin.userId).map((a) => a.action);
    expect(actions).toEqual(['account.addTeam', 'account.removeTeam']);
  });

  it('finds no team or person of another organisation for a membership (404), and changes nothing', async () => {
    for (const url of [`/api/admin/teams/${w.teamB1}/members/${w.subject.userId}`, `/api/admin/teams/${w.teamA1}/members/${w.callers.otherAdmin.userId}`, `/api/admin/teams/no-such-team/members/${w.subject.userId}`]) {
      for (const method of ['PUT', 'DELETE'] as const) {
        const res = await asAdmin(method, url);
        expect(res.statusCode, `${method} ${url}`).toBe(404);
        expect(res.json()).toEqual(errorShape('notFound'));
      }
    }
    expect(await teamsOfSubject()).toEqual([w.teamA2]);
    expect((await asAdmin('PATCH', `/api/admin/teams/${w.teamB1}`, { name: 'Overgenomen' })).statusCode).toBe(404);
  });

  it('keeps the defaults until the admin saves settings, then gives them to every session of the organisation only', async () => {
    expect((await asAdmin('GET', '/api/admin/settings')).json()).toEqual({ settings: DEFAULT_ORG_SETTINGS });
    expect(DEFAULT_ORG_SETTINGS.sessionMaxDays).toBe(30);
    const chosen = { screenLockMinutes: 1, fullLockMinutes: 480, noteRetentionYears: 30, sessionMaxDays: 365 };
    const saved = await asAdmin('PUT', '/api/admin/settings', chosen);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toEqual({ settings: chosen });
    expect((await asAdmin('GET', '/api/admin/settings')).json()).toEqual({ settings: chosen });
    expect((await adminCall(app, w.callers.otherAdmin.token, 'GET', '/api/admin/settings')).json()).toEqual({ settings: DEFAULT_ORG_SETTINGS });
    // An admin screen from before sessionMaxDays existed sends the other three: the stored session lifetime stays.
    const again = { screenLockMinutes: 60, fullLockMinutes: 5, noteRetentionYears: 1 };
    expect((await asAdmin('PUT', '/api/admin/settings', again)).json()).toEqual({ settings: { ...again, sessionMaxDays: 365 } });
    expect((await auditOf(w.orgA)).map((a) => a.action)).toEqual(['settings.change', 'settings.change']);
    // A new person signs in and gets the organisation's settings with the session.
    const created = (await asAdmin('POST', '/api/admin/people', { email: `settings-${Date.now()}@test.example`, displayName: 'S', role: 'worker', teamIds: [] })).json();
    expect((await login(app, created.person.email, created.oneTimePassword)).json().settings).toEqual({ ...again, sessionMaxDays: 365 });
  });

  const settings = { screenLockMinutes: 5, fullLockMinutes: 30, noteRetentionYears: 10 };
  it.each([
    ['POST', '/api/admin/teams', { name: '' }],
    ['POST', '/api/admin/teams', { name: 'x'.repeat(201) }],
    ['POST', '/api/admin/teams', { name: 5 }],
    ['POST', '/api/admin/teams', {}],
    ['POST', '/api/admin/teams', null],
    ['PATCH', 'TEAM', { name: '   ' }],
    ['PATCH', 'TEAM', ['A2']],
    ['PUT', '/api/admin/settings', { ...settings, screenLockMinutes: 0 }],
    ['PUT', '/api/admin/settings', { ...settings, screenLockMinutes: 61 }],
    ['PUT', '/api/admin/settings', { ...settings, fullLockMinutes: 4 }],
    ['PUT', '/api/admin/settings', { ...settings, fullLockMinutes: 481 }],
    ['PUT', '/api/admin/settings', { ...settings, noteRetentionYears: 0 }],
    ['PUT', '/api/admin/settings', { ...settings, sessionMaxDays: 0 }],
    ['PUT', '/api/admin/settings', { ...settings, sessionMaxDays: 366 }],
    ['PUT', '/api/admin/settings', { ...settings, sessionMaxDays: 1.5 }],
    ['PUT', '/api/admin/settings', { ...settings, sessionMaxDays: '30' }],
    ['PUT', '/api/admin/settings', { ...settings, sessionMaxDays: null }],
    ['PUT', '/api/admin/settings', { ...settings, noteRetentionYears: 31 }],
    ['PUT', '/api/admin/settings', { ...settings, screenLockMinutes: 5.5 }],
    ['PUT', '/api/admin/settings', { ...settings, screenLockMinutes: '5' }],
    ['PUT', '/api/admin/settings', { screenLockMinutes: 5, fullLockMinutes: 30 }],
    ['PUT', '/api/admin/settings', 42],
  ] as const)('refuses %s %s with %j as 400 invalid, never 500', async (method, url, body) => {
    const res = await asAdmin(method, url.replace('TEAM', `/api/admin/teams/${w.teamA2}`), body);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json()).toEqual(errorShape('invalid'));
  });

  it('leaves the settings as they were after a refused change', async () => {
    const before = (await asAdmin('GET', '/api/admin/settings')).json();
    await asAdmin('PUT', '/api/admin/settings', { ...before.settings, fullLockMinutes: 1000 });
    expect((await asAdmin('GET', '/api/admin/settings')).json()).toEqual(before);
  });
});
