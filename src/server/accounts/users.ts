import * as v from 'valibot';
import { newId } from '../../model/ids';
import { parseInput } from '../parseInput';
import { ServerError } from '../serverError';
import type { Db, Role } from '../store/database';
import { isUniqueViolation } from '../store/uniqueViolation';
import { EmailSchema, IdSchema, NewPasswordSchema, NewUserSchema, type NewUser } from './accountSchemas';
import { revokeAccessTokens } from '../auth/tokenRevocation';
import { insertMembership } from './memberships';
import { hashPassword } from './passwords';

/** A user as the rest of the server sees it: never with the password hash. */
export interface UserAccount {
  id: string;
  organisationId: string;
  email: string;
  displayName: string;
  role: Role;
  disabled: boolean;
  teamIds: string[];
}

/** Creates the user and their memberships in one transaction: a failed team check leaves no half account. */
export async function createUser(db: Db, input: NewUser): Promise<UserAccount> {
  const user = parseInput(NewUserSchema, input);
  const passwordHash = await hashPassword(user.password);
  const id = user.id ?? newId();
  const teamIds = [...new Set(user.teamIds)];
  try {
    await db.transaction().execute(async (trx) => {
      const organisation = await trx.selectFrom('organisations').select('id').where('id', '=', user.organisationId).executeTakeFirst();
      if (!organisation) throw new ServerError(404, 'organisationNotFound', `No organisation with id ${user.organisationId}.`);
      const taken = await trx.selectFrom('users').select('id').where('email', '=', user.email).executeTakeFirst();
      if (taken) throw new ServerError(409, 'emailTaken', `There is already an account for ${user.email}.`);
      await trx
        .insertInto('users')
        .values({
          id,
          organisation_id: user.organisationId,
          email: user.email,
          display_name: user.displayName,
          role: user.role,
          password_hash: passwordHash,
          created_at: new Date().toISOString(),
          disabled: 0,
        })
        .execute();
      for (const teamId of teamIds) await insertMembership(trx, id, user.organisationId, teamId);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ServerError(409, 'emailTaken', `There is already an account for ${user.email}.`);
    throw error;
  }
  return { id, organisationId: user.organisationId, email: user.email, displayName: user.displayName, role: user.role, disabled: false, teamIds };
}

/** Sets a new password and ends every session of the user, so a leaked refresh token dies with the old password. */
export async function resetPassword(db: Db, email: string, password: string, at: Date = new Date()): Promise<UserAccount> {
  const address = parseInput(EmailSchema, email);
  const user = await findUserByEmail(db, address);
  if (!user) throw new ServerError(404, 'userNotFound', `No account for ${address}.`);
  await setPassword(db, user.account.id, password, at);
  return user.account;
}

/** The same, by id: the password changes and every refresh and access token of the person ends, together. */
export async function setPassword(db: Db, userId: string, password: string, at: Date = new Date()): Promise<void> {
  const passwordHash = await hashPassword(parseInput(NewPasswordSchema, password));
  await db.transaction().execute(async (trx) => {
    const result = await trx.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', userId).executeTakeFirst();
    if (result.numUpdatedRows === 0n) throw new ServerError(404, 'userNotFound', `No user with id ${userId}.`);
    await revokeSessions(trx, userId, at);
  });
}

/** A disabled user cannot log in or refresh (403 accountDisabled); their refresh and access tokens end now. */
export async function setUserDisabled(db: Db, userId: string, disabled: boolean, at: Date = new Date()): Promise<void> {
  const id = parseInput(IdSchema, userId);
  await db.transaction().execute(async (trx) => {
    const result = await trx.updateTable('users').set({ disabled: disabled ? 1 : 0 }).where('id', '=', id).executeTakeFirst();
    if (result.numUpdatedRows === 0n) throw new ServerError(404, 'userNotFound', `No user with id ${id}.`);
    if (disabled) await revokeSessions(trx, id, at);
  });
}

/** Ends every session of a person on every device: refresh tokens at once, access tokens within a minute. */
export async function revokeSessions(db: Db, userId: string, at: Date = new Date()): Promise<void> {
  await db.updateTable('refresh_tokens').set({ revoked_at: at.toISOString() }).where('revoked_at', 'is', null).where('user_id', '=', userId).execute();
  await revokeAccessTokens(db, userId, at);
}

export async function findUserByEmail(db: Db, email: string): Promise<{ account: UserAccount; passwordHash: string } | undefined> {
  const address = v.safeParse(EmailSchema, email);
  if (!address.success) return undefined;
  const row = await db.selectFrom('users').selectAll().where('email', '=', address.output).executeTakeFirst();
  return row ? { account: await toAccount(db, row), passwordHash: row.password_hash } : undefined;
}

export async function findUserById(db: Db, id: string): Promise<UserAccount | undefined> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toAccount(db, row) : undefined;
}

/** The people of one organisation, by name, for showing who changed what. */
export async function listColleagues(db: Db, organisationId: string): Promise<Array<{ id: string; displayName: string }>> {
  const rows = await db.selectFrom('users').select(['id', 'display_name']).where('organisation_id', '=', organisationId).orderBy('display_name').execute();
  return rows.map((r) => ({ id: r.id, displayName: r.display_name }));
}

export async function listUsers(db: Db): Promise<UserAccount[]> {
  const rows = await db.selectFrom('users').selectAll().orderBy('email').execute();
  const memberships = await db.selectFrom('memberships').select(['user_id', 'team_id']).orderBy('team_id').execute();
  return rows.map((row) => account(row, memberships.filter((m) => m.user_id === row.id).map((m) => m.team_id)));
}

type UserRow = { id: string; organisation_id: string; email: string; display_name: string; role: Role; disabled: number };

async function toAccount(db: Db, row: UserRow): Promise<UserAccount> {
  const teams = await db.selectFrom('memberships').select('team_id').where('user_id', '=', row.id).orderBy('team_id').execute();
  return account(row, teams.map((t) => t.team_id));
}

function account(row: UserRow, teamIds: string[]): UserAccount {
  return { id: row.id, organisationId: row.organisation_id, email: row.email, displayName: row.display_name, role: row.role, disabled: row.disabled !== 0, teamIds };
}
