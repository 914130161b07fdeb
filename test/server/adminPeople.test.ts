import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Person } from '../../src/model/admin';
import { adminCall, adminWorld, type AdminWorld } from './support/adminWorld';
import { describeEachDatabase } from './support/testDatabases';
import { errorShape, login, refresh, refreshTokenOf, SIGN_IN_FREELY, startApp } from './support/testServer';

let serial = 0;
const newEmail = () => `person-${Date.now()}-${++serial}@test.example`;

describeEachDatabase('admin API: people', (store) => {
  let app: FastifyInstance;
  let w: AdminWorld;
  const asAdmin = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) => adminCall(app, w.callers.admin.token, method, url, payload);
  const auditOf = (target: string) => store().db.selectFrom('audit_log').select(['user_id', 'action']).where('target', '=', target).orderBy('id').execute();

  /** A new person of organisation A, made through the API, with the password they were given. */
  async function newPerson(role: Person['role'] = 'worker', teamIds: string[] = []): Promise<{ person: Person; password: string }> {
    const res = await asAdmin('POST', '/api/admin/people', { email: newEmail(), displayName: 'Nieuw (fictief)', role, teamIds });
    expect(res.statusCode, res.body).toBe(200);
    return { person: res.json().person, password: res.json().oneTimePassword };
  }

  beforeAll(async () => {
    app = await startApp(store().db, SIGN_IN_FREELY);
    w = await adminWorld(store().db, app);
  });
  afterAll(() => app.close());

  it('lists every person of the admin’s own organisation, with teams, and nobody of another', async () => {
    const res = await asAdmin('GET', '/api/admin/people');
    expect(res.statusCode).toBe(200);
    const people = res.json().people as Person[];
    const ids = people.map((p) => p.id);
    expect(ids).toEqual(expect.arrayContaining([w.callers.admin.userId, w.callers.coordinator.userId, w.colleague.userId, w.subject.userId]));
    expect(ids).not.toContain(w.callers.otherAdmin.userId);
    const subject = people.find((p) => p.id === w.subject.userId)!;
    expect(subject).toEqual({ id: w.subject.userId, email: expect.stringMatching(/@test\.example$/), displayName: expect.any(String), role: 'worker', disabled: false, teamIds: [w.teamA2], createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
  });

  it('shows a coordinator the members of their own teams only', async () => {
    const res = await adminCall(app, w.callers.coordinator.token, 'GET', '/api/admin/people');
    expect(res.statusCode).toBe(200);
    const ids = (res.json().people as Person[]).map((p) => p.id).sort();
    expect(ids).toEqual([w.callers.coordinator.userId, w.colleague.userId].sort());
  });

  it('creates a person in teams of the organisation, with a one-time password that signs them in, audited', async () => {
    const { person, password } = await newPerson('worker', [w.teamA1, w.teamA2]);
    expect(person).toMatchObject({ role: 'worker', disabled: false, teamIds: [w.teamA1, w.teamA2].sort(), displayName: 'Nieuw (fictief)' });
    expect(password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    const session = await login(app, person.email, password);
    expect(session.statusCode).toBe(200);
    expect(session.json().user).toMatchObject({ id: person.id, organisationId: w.orgA, teamIds: person.teamIds });
    expect(await auditOf(person.id)).toEqual([{ user_id: w.callers.admin.userId, action: 'account.create' }]);
  });

  it('refuses an address that already has an account (409) and a team of another organisation (404), creating nothing', async () => {
    const { person } = await newPerson();
    const again = await asAdmin('POST', '/api/admin/people', { email: person.email.toUpperCase(), displayName: 'Dubbel', role: 'worker', teamIds: [] });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toEqual(errorShape('emailTaken'));
    const email = newEmail();
    const foreign = await asAdmin('POST', '/api/admin/people', { email, displayName: 'X', role: 'worker', teamIds: [w.teamA1, w.teamB1] });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json()).toEqual(errorShape('notFound'));
    expect(await store().db.selectFrom('users').select('id').where('email', '=', email).execute()).toEqual([]);
  });

  it('renames, changes the role, disables and enables again; each change audited, and a disabled person is told so', async () => {
    const { person, password } = await newPerson();
    const renamed = await asAdmin('PATCH', `/api/admin/people/${person.id}`, { displayName: '  Andere Naam  ' });
    expect(renamed.json().person).toMatchObject({ id: person.id, displayName: 'Andere Naam' });
    expect((await asAdmin('PATCH', `/api/admin/people/${person.id}`, { role: 'coordinator' })).json().person.role).toBe('coordinator');
    const session = await login(app, person.email, password);
    expect((await asAdmin('PATCH', `/api/admin/people/${person.id}`, { disabled: true })).json().person.disabled).toBe(true);
    expect((await refresh(app, refreshTokenOf(session)!)).json()).toEqual(errorShape('accountDisabled'));
    expect((await login(app, person.email, password)).json()).toEqual(errorShape('accountDisabled'));
    expect((await asAdmin('PATCH', `/api/admin/people/${person.id}`, { disabled: false })).json().person.disabled).toBe(false);
    expect((await login(app, person.email, password)).statusCode).toBe(200);
    // Saying what already holds changes nothing and writes nothing.
    expect((await asAdmin('PATCH', `/api/admin/people/${person.id}`, {})).json().person).toMatchObject({ displayName: 'Andere Naam', role: 'coordinator', disabled: false });
    const actions = (await auditOf(person.id)).map((a) => a.action);
    expect(actions).toEqual(['account.create', 'account.rename', 'account.role', 'account.disable', 'account.enable']);
  });

  it('never lets an admin disable or demote themselves (409 cannotChangeSelf), but lets them rename themselves', async () => {
    const self = `/api/admin/people/${w.callers.admin.userId}`;
    for (const body of [{ disabled: true }, { role: 'worker' }, { role: 'coordinator', displayName: 'X' }]) {
      const res = await asAdmin('PATCH', self, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(409);
      expect(res.json()).toEqual(errorShape('cannotChangeSelf'));
    }
    const renamed = await asAdmin('PATCH', self, { displayName: 'Beheerder (fictief)', role: 'admin', disabled: false });
    expect(renamed.json().person).toMatchObject({ displayName: 'Beheerder (fictief)', role: 'admin', disabled: false });
  });

  it('resets a password: the new one works, the old one and every session end', async () => {
    const { person, password } = await newPerson();
    const session = await login(app, person.email, password);
    const res = await asAdmin('POST', `/api/admin/people/${person.id}/password`, {});
    expect(res.statusCode).toBe(200);
    const { oneTimePassword } = res.json();
    expect(oneTimePassword).not.toBe(password);
    expect((await login(app, person.email, password)).statusCode).toBe(401);
    expect((await refresh(app, refreshTokenOf(session)!)).statusCode).toBe(401);
    expect((await login(app, person.email, oneTimePassword)).statusCode).toBe(200);
    expect((await auditOf(person.id)).map((a) => a.action)).toContain('account.resetPassword');
  });

  it('revokes every session of a person without changing their password', async () => {
    const { person, password } = await newPerson();
    const sessions = [await login(app, person.email, password), await login(app, person.email, password)];
    const res = await adminCall(app, w.callers.admin.token, 'POST', `/api/admin/people/${person.id}/revoke-sessions`);
    expect(res.statusCode).toBe(204);
    for (const session of sessions) expect((await refresh(app, refreshTokenOf(session)!)).statusCode).toBe(401);
    const accessToken = sessions[0]!.json().accessToken as string;
    expect((await app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${accessToken}` } })).statusCode).toBe(401);
    expect((await login(app, person.email, password)).statusCode).toBe(200);
    expect((await auditOf(person.id)).map((a) => a.action)).toContain('account.revokeSessions');
  });

  it.each([
    ['PATCH', '/api/admin/people/no-such-person', { displayName: 'X' }],
    ['POST', '/api/admin/people/no-such-person/password', {}],
    ['POST', '/api/admin/people/no-such-person/revoke-sessions', {}],
  ] as const)('answers %s %s with 404 notFound', async (method, url, body) => {
    const res = await asAdmin(method, url, body);
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual(errorShape('notFound'));
  });

  const tooLong = 'x'.repeat(201);
  it.each([
    ['POST', '/api/admin/people', { displayName: 'X', role: 'worker', teamIds: [] }],
    ['POST', '/api/admin/people', { email: 'not-an-address', displayName: 'X', role: 'worker', teamIds: [] }],
    ['POST', '/api/admin/people', { email: 'a@test.example', displayName: '   ', role: 'worker', teamIds: [] }],
    ['POST', '/api/admin/people', { email: 'a@test.example', displayName: tooLong, role: 'worker', teamIds: [] }],
    ['POST', '/api/admin/people', { email: 'a@test.example', displayName: 'X', role: 'boss', teamIds: [] }],
    ['POST', '/api/admin/people', { email: 'a@test.example', displayName: 'X', role: 'worker', teamIds: 'A1' }],
    ['POST', '/api/admin/people', { email: 'a@test.example', displayName: 'X', role: 'worker', teamIds: [''] }],
    ['POST', '/api/admin/people', [] as unknown],
    ['POST', '/api/admin/people', undefined],
    ['PATCH', 'SUBJECT', { disabled: 'yes' }],
    ['PATCH', 'SUBJECT', { role: 'root' }],
    ['PATCH', 'SUBJECT', { displayName: '' }],
    ['PATCH', 'SUBJECT', 'just text'],
    ['POST', 'SUBJECT/password', [1, 2]],
    ['POST', 'SUBJECT/revoke-sessions', 'now'],
    ['POST', 'SUBJECT/revoke-sessions', { everywhere: true }],
  ] as const)('refuses %s %s with %j as 400, never 500', async (method, url, body) => {
    const path = url.replace('SUBJECT', `/api/admin/people/${w.subject.userId}`);
    const res = await asAdmin(method, path, body);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json()).toEqual({ error: { code: expect.stringMatching(/^(invalid|badRequest)$/), message: expect.any(String) } });
  });

  it('does not find a person by an id longer than any id', async () => {
    expect((await asAdmin('PATCH', `/api/admin/people/${'x'.repeat(101)}`, { displayName: 'X' })).statusCode).toBe(404);
    expect((await asAdmin('PATCH', `/api/admin/people/${'x'.repeat(100)}`, { displayName: 'X' })).statusCode).toBe(404);
  });

  it('refuses a body that is not JSON as 400', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/admin/people', headers: { authorization: `Bearer ${w.callers.admin.token}`, 'content-type': 'application/json' }, payload: '{"email": ' });
    expect(res.statusCode).toBe(400);
  });
});
