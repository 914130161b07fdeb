import { expect, it } from 'vitest';
import { verifyPassword } from '../../src/server/accounts/passwords';
import { findUserByEmail } from '../../src/server/accounts/users';
import { issueRefreshToken, rotateRefreshToken } from '../../src/server/auth/refreshTokens';
import { runAdmin } from '../../src/server/cli/adminCommands';
import { activeDemoLogins, seedDemoAccounts } from '../../src/server/demo/demoAccounts';
import type { Db } from '../../src/server/store/database';
import { describeEachDatabase } from './support/testDatabases';

async function admin(db: Db, argv: string[], askPassword?: () => Promise<string>) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runAdmin(argv, { db, out: (l) => out.push(l), err: (l) => err.push(l), ...(askPassword ? { askPassword } : {}) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const idIn = (text: string) => /: (\S+) {2}/.exec(text)?.[1] ?? '';

describeEachDatabase('admin CLI', (store) => {
  it('creates an organisation, a team and a user, and prints the password once', async () => {
    const org = await admin(store().db, ['create-org', '--name', 'Gemeente Test']);
    expect(org.code).toBe(0);
    const orgId = idIn(org.out);
    const team = await admin(store().db, ['create-team', '--org', orgId, '--name', 'Onthaal']);
    expect(team.code).toBe(0);
    const teamId = idIn(team.out);
    const user = await admin(store().db, ['create-user', '--org', orgId, '--email', 'Els@Test.example', '--name', 'Els', '--role', 'coordinator', '--team', teamId]);
    expect(user.code).toBe(0);
    const password = /Password \(shown once[^)]*\): (\S+)/.exec(user.out)?.[1];
    expect(password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    const found = await findUserByEmail(store().db, 'els@test.example');
    expect(found?.account).toMatchObject({ organisationId: orgId, role: 'coordinator', teamIds: [teamId] });
    expect(await verifyPassword(found!.passwordHash, password!)).toBe(true);

    const list = await admin(store().db, ['list']);
    expect(list.code).toBe(0);
    expect(list.out).toContain('Gemeente Test');
    expect(list.out).toContain('els@test.example');
    expect(list.out).not.toContain(password);
    const audit = await store().db.selectFrom('audit_log').select(['user_id', 'action', 'target']).where('target', 'in', [teamId, found!.account.id]).orderBy('id').execute();
    expect(audit).toEqual([{ user_id: null, action: 'team.create', target: teamId }, { user_id: null, action: 'account.create', target: found!.account.id }]);
  });

  it('takes a password from the operator when asked to, and does not print it', async () => {
    const orgId = idIn((await admin(store().db, ['create-org', '--name', 'Org met vraag'])).out);
    const res = await admin(store().db, ['create-user', '--org', orgId, '--email', 'vraag@test.example', '--name', 'V', '--role', 'worker', '--ask-password'], async () => 'chosen by the operator');
    expect(res.code).toBe(0);
    expect(res.out).not.toContain('chosen by the operator');
    const found = await findUserByEmail(store().db, 'vraag@test.example');
    expect(await verifyPassword(found!.passwordHash, 'chosen by the operator')).toBe(true);
  });

  it('resets a password to a new generated one', async () => {
    const orgId = idIn((await admin(store().db, ['create-org', '--name', 'Org reset'])).out);
    await admin(store().db, ['create-user', '--org', orgId, '--email', 'reset@test.example', '--name', 'R', '--role', 'admin']);
    const res = await admin(store().db, ['reset-password', '--email', 'reset@test.example']);
    expect(res.code).toBe(0);
    const password = /New password[^:]*: (\S+)/.exec(res.out)?.[1];
    const found = await findUserByEmail(store().db, 'reset@test.example');
    expect(await verifyPassword(found!.passwordHash, password!)).toBe(true);
  });

  it.each([
    [['create-user', '--org', 'no-such-org', '--email', 'x@test.example', '--name', 'X', '--role', 'worker'], 1, /No organisation/],
    [['create-user', '--org', 'o', '--email', 'x@test.example', '--name', 'X', '--role', 'boss'], 1, /role/],
    [['create-team', '--org', 'no-such-org', '--name', 'T'], 1, /No organisation/],
    [['reset-password', '--email', 'nobody@test.example'], 1, /No account/],
    [['create-org'], 2, /needs --name/],
    [['frobnicate'], 2, /Unknown command/],
    [[], 2, /No command/],
    [['list', '--colour'], 2, /Unknown option/],
  ])('refuses %j with exit code %i and a clear message', async (argv, code, message) => {
    const res = await admin(store().db, argv);
    expect(res.code).toBe(code);
    expect(res.err).toMatch(message);
  });

  it('refuses a duplicate address with exit code 1', async () => {
    const orgId = idIn((await admin(store().db, ['create-org', '--name', 'Org dubbel'])).out);
    const args = ['create-user', '--org', orgId, '--email', 'dubbel@test.example', '--name', 'D', '--role', 'worker'];
    expect((await admin(store().db, args)).code).toBe(0);
    const again = await admin(store().db, args);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/already an account/);
  });
});

describeEachDatabase('admin CLI: init and the account commands', (store) => {
  const db = () => store().db;
  const passwordIn = (text: string) => /password \(shown once[^)]*\): (\S+)/i.exec(text)?.[1];

  it('refuses init without its options, as wrong usage', async () => {
    expect((await admin(db(), ['init', '--org', 'X'])).err).toMatch(/needs --admin-email/);
    expect((await admin(db(), ['init', '--admin-email', 'a@test.example'])).code).toBe(2);
    expect((await admin(db(), ['init', '--org', 'X', '--admin-email', 'not-an-address'])).code).toBe(1);
  });

  it('inits the organisation and its first admin next to the demo, and switches the demo logins off', async () => {
    await seedDemoAccounts(db());
    const res = await admin(db(), ['init', '--org', 'OCMW Testdorp', '--admin-email', 'Beheer@Testdorp.example', '--admin-name', 'Bea Beheer']);
    expect(res.code, res.err).toBe(0);
    const password = passwordIn(res.out);
    expect(password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    const found = await findUserByEmail(db(), 'beheer@testdorp.example');
    expect(found?.account).toMatchObject({ role: 'admin', displayName: 'Bea Beheer', disabled: false, teamIds: [] });
    expect(await verifyPassword(found!.passwordHash, password!)).toBe(true);
    const org = await db().selectFrom('organisations').select('name').where('id', '=', found!.account.organisationId).executeTakeFirstOrThrow();
    expect(org.name).toBe('OCMW Testdorp');
    expect(await activeDemoLogins(db())).toBe(0);
    expect(res.out).toMatch(/Disabled 4 demo login/);
    // From now on the demo is never seeded here again.
    expect(await seedDemoAccounts(db())).toEqual({ seeded: false, reason: expect.stringContaining('OCMW Testdorp') });
    expect(await activeDemoLogins(db())).toBe(0);
  });

  it('runs init only once per database', async () => {
    const again = await admin(db(), ['init', '--org', 'Tweede', '--admin-email', 'tweede@test.example']);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/already holds an organisation \(OCMW Testdorp\)/);
    expect(await findUserByEmail(db(), 'tweede@test.example')).toBeUndefined();
    expect(await db().selectFrom('organisations').select('id').where('name', '=', 'Tweede').execute()).toEqual([]);
  });

  async function person(teams: string[] = []) {
    const orgId = (await findUserByEmail(db(), 'beheer@testdorp.example'))!.account.organisationId;
    const email = `cli-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@test.example`;
    const args = ['create-user', '--org', orgId, '--email', email, '--name', 'Cli', '--role', 'worker', ...teams.flatMap((t) => ['--team', t])];
    expect((await admin(db(), args)).code).toBe(0);
    return { orgId, email, id: (await findUserByEmail(db(), email))!.account.id };
  }

  it('disables and enables a person, ending their sessions, audited', async () => {
    const { email, id } = await person();
    const session = await issueRefreshToken(db(), id, new Date());
    const off = await admin(db(), ['disable-user', '--email', email]);
    expect(off.code).toBe(0);
    expect(off.out).toMatch(/Disabled/);
    expect((await findUserByEmail(db(), email))!.account.disabled).toBe(true);
    expect(await rotateRefreshToken(db(), session.token, new Date())).toMatchObject({ ok: false, reason: 'disabled' });
    expect((await admin(db(), ['disable-user', '--email', email])).out).toMatch(/already disabled/);
    expect((await admin(db(), ['enable-user', '--email', email])).code).toBe(0);
    expect((await findUserByEmail(db(), email))!.account.disabled).toBe(false);
    const audit = await db().selectFrom('audit_log').select(['user_id', 'action']).where('target', '=', id).orderBy('id').execute();
    expect(audit).toEqual([{ user_id: null, action: 'account.create' }, { user_id: null, action: 'account.disable' }, { user_id: null, action: 'account.enable' }]);
  });

  it('adds and removes a membership by team name or id, and says when nothing changes', async () => {
    const { orgId, email, id } = await person();
    const team = (await admin(db(), ['create-team', '--org', orgId, '--name', 'Schuldhulp'])).out;
    const teamId = idIn(team);
    expect((await admin(db(), ['add-membership', '--email', email, '--team', 'schuldhulp'])).code).toBe(0);
    expect((await findUserByEmail(db(), email))!.account.teamIds).toEqual([teamId]);
    expect((await admin(db(), ['add-membership', '--email', email, '--team', teamId])).out).toMatch(/already a member/);
    const removed = await admin(db(), ['remove-membership', '--email', email, '--team', teamId]);
    expect(removed.code).toBe(0);
    expect(removed.out).toMatch(/Removed .* from Schuldhulp/);
    expect((await findUserByEmail(db(), email))!.account.teamIds).toEqual([]);
    expect((await admin(db(), ['remove-membership', '--email', email, '--team', 'Schuldhulp'])).out).toMatch(/not a member/);
    const stamp = await db().selectFrom('users').select('tokens_valid_after').where('id', '=', id).executeTakeFirstOrThrow();
    expect(stamp.tokens_valid_after).not.toBeNull();
  });

  it('revokes every session of a person', async () => {
    const { email, id } = await person();
    const sessions = [await issueRefreshToken(db(), id, new Date()), await issueRefreshToken(db(), id, new Date())];
    const res = await admin(db(), ['revoke-sessions', '--email', email]);
    expect(res.code).toBe(0);
    for (const s of sessions) expect(await rotateRefreshToken(db(), s.token, new Date())).toMatchObject({ ok: false, reason: 'revoked' });
    const stamp = await db().selectFrom('users').select('tokens_valid_after').where('id', '=', id).executeTakeFirstOrThrow();
    expect(stamp.tokens_valid_after).not.toBeNull();
  });

  it('refuses a team name two teams share, and a team of another organisation', async () => {
    const { orgId, email } = await person();
    await admin(db(), ['create-team', '--org', orgId, '--name', 'Onthaal']);
    await admin(db(), ['create-team', '--org', orgId, '--name', 'Onthaal']);
    const ambiguous = await admin(db(), ['add-membership', '--email', email, '--team', 'Onthaal']);
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.err).toMatch(/Several teams are called Onthaal/);
    const foreign = await db().selectFrom('teams').select('id').where('organisation_id', '!=', orgId).executeTakeFirstOrThrow();
    const other = await admin(db(), ['add-membership', '--email', email, '--team', foreign.id]);
    expect(other.code).toBe(1);
    expect(other.err).toMatch(/No team/);
  });

  it.each([
    [['disable-user'], 2, /needs --email/],
    [['enable-user', '--email', 'nobody@test.example'], 1, /No account for nobody@test.example/],
    [['disable-user', '--email', 'nobody@test.example'], 1, /No account/],
    [['revoke-sessions', '--email', 'nobody@test.example'], 1, /No account/],
    [['add-membership', '--email', 'beheer@testdorp.example'], 2, /exactly one --team/],
    [['remove-membership', '--email', 'beheer@testdorp.example', '--team', 'a', '--team', 'b'], 2, /exactly one --team/],
    [['add-membership', '--email', 'beheer@testdorp.example', '--team', 'Bestaat niet'], 1, /No team Bestaat niet/],
    [['add-membership', '--email', 'nobody@test.example', '--team', 'x'], 1, /No account/],
  ])('refuses %j with exit code %i and a clear message', async (argv, code, message) => {
    const res = await admin(db(), argv);
    expect(res.code).toBe(code);
    expect(res.err).toMatch(message);
  });
});
