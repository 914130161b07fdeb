import { expect, it } from 'vitest';
import { createOrganisation, createTeam } from '../../src/server/accounts/organisations';
import { verifyPassword } from '../../src/server/accounts/passwords';
import { addMembership } from '../../src/server/accounts/memberships';
import { createUser, findUserByEmail, findUserById, resetPassword } from '../../src/server/accounts/users';
import { issueRefreshToken, rotateRefreshToken } from '../../src/server/auth/refreshTokens';
import { describeEachDatabase } from './support/testDatabases';
import { createMember } from './support/testServer';

describeEachDatabase('accounts', (store) => {
  it('stores passwords as argon2id hashes, never as given', async () => {
    const { user, password } = await createMember(store().db);
    const row = await store().db.selectFrom('users').select('password_hash').where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(row.password_hash.startsWith('$argon2id$')).toBe(true);
    expect(row.password_hash).not.toContain(password);
    expect(await verifyPassword(row.password_hash, password)).toBe(true);
    expect(await verifyPassword(row.password_hash, `${password}!`)).toBe(false);
  });

  it('finds a user with their organisation and team ids, by e-mail in any case', async () => {
    const { user, organisationId, teamId } = await createMember(store().db);
    const found = await findUserByEmail(store().db, `  ${user.email.toUpperCase()} `);
    expect(found?.account).toEqual({ ...user, organisationId, teamIds: [teamId], disabled: false });
    expect(await findUserById(store().db, user.id)).toEqual(found?.account);
  });

  it('refuses a second account for the same address, whatever its case', async () => {
    const { user, organisationId } = await createMember(store().db);
    await expect(createUser(store().db, { organisationId, email: user.email.toUpperCase(), displayName: 'Dubbel', role: 'worker', password: 'another long password' })).rejects.toMatchObject({ statusCode: 409, code: 'emailTaken' });
  });

  it('creates nothing when one of the teams does not exist', async () => {
    const { organisationId } = await createMember(store().db);
    const email = `half-${organisationId}@test.example`;
    await expect(createUser(store().db, { organisationId, email, displayName: 'Half', role: 'worker', password: 'a long enough password', teamIds: ['no-such-team'] })).rejects.toMatchObject({ statusCode: 404 });
    expect(await findUserByEmail(store().db, email)).toBeUndefined();
  });

  it('never puts a user in a team of another organisation', async () => {
    const a = await createMember(store().db);
    const b = await createMember(store().db);
    await expect(addMembership(store().db, a.user.id, b.teamId)).rejects.toMatchObject({ statusCode: 409, code: 'otherOrganisation' });
    await addMembership(store().db, a.user.id, a.teamId);
    expect((await findUserById(store().db, a.user.id))?.teamIds).toEqual([a.teamId]);
  });

  it('refuses malformed input with a 400 before touching the database', async () => {
    await expect(createOrganisation(store().db, { name: '   ' })).rejects.toMatchObject({ statusCode: 400, code: 'invalidInput' });
    const { organisationId } = await createMember(store().db);
    const base = { organisationId, displayName: 'X', role: 'worker' as const, password: 'long enough password' };
    await expect(createUser(store().db, { ...base, email: 'not-an-address' })).rejects.toMatchObject({ statusCode: 400 });
    await expect(createUser(store().db, { ...base, email: 'short@test.example', password: 'short' })).rejects.toMatchObject({ statusCode: 400 });
  });

  it('refuses a team for an unknown organisation', async () => {
    await expect(createTeam(store().db, { organisationId: 'nope', name: 'Team' })).rejects.toMatchObject({ statusCode: 404 });
  });

  it('resets a password and ends every session of that user', async () => {
    const { user, password } = await createMember(store().db);
    const session = await issueRefreshToken(store().db, user.id, new Date());
    await resetPassword(store().db, user.email, 'a brand new password');
    const row = await findUserByEmail(store().db, user.email);
    expect(await verifyPassword(row!.passwordHash, 'a brand new password')).toBe(true);
    expect(await verifyPassword(row!.passwordHash, password)).toBe(false);
    expect(await rotateRefreshToken(store().db, session.token, new Date())).toMatchObject({ ok: false, reason: 'revoked' });
  });

  it('says so when resetting the password of an unknown address', async () => {
    await expect(resetPassword(store().db, 'nobody@test.example', 'a brand new password')).rejects.toMatchObject({ statusCode: 404 });
  });
});
