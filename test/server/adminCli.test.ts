import { expect, it } from 'vitest';
import { verifyPassword } from '../../src/server/accounts/passwords';
import { findUserByEmail } from '../../src/server/accounts/users';
import { runAdmin } from '../../src/server/cli/adminCommands';
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
