import * as v from 'valibot';
import { CreatePersonBodySchema, UpdatePersonBodySchema, type Person } from '../../model/admin';
import { revokeAccessTokens } from '../auth/tokenRevocation';
import { ServerError } from '../serverError';
import { writeAudit } from '../store/auditLog';
import type { Db } from '../store/database';
import { generatePassword } from './passwords';
import { createUser, revokeSessions, setPassword } from './users';

/** Who acts, for the checks on oneself and the audit trail; null is the operator at the command line. */
export interface Actor {
  userId: string | null;
  organisationId: string;
}

const notFound = (what: string) => new ServerError(404, 'notFound', `No ${what} with that id in this organisation.`);

/** The people of an organisation, or only the members of the given teams (a coordinator's view), by name. */
export async function listPeople(db: Db, organisationId: string, onlyTeamIds?: readonly string[]): Promise<Person[]> {
  if (onlyTeamIds?.length === 0) return [];
  let query = db.selectFrom('users').selectAll().where('organisation_id', '=', organisationId);
  if (onlyTeamIds) query = query.where('id', 'in', db.selectFrom('memberships').select('user_id').where('team_id', 'in', [...onlyTeamIds]));
  const rows = await query.orderBy('display_name').orderBy('id').execute();
  if (rows.length === 0) return [];
  const memberships = await db
    .selectFrom('memberships')
    .select(['user_id', 'team_id'])
    .where('user_id', 'in', rows.map((r) => r.id))
    .orderBy('team_id')
    .execute();
  return rows.map((row) => toPerson(row, memberships.filter((m) => m.user_id === row.id).map((m) => m.team_id)));
}

/** One person of the organisation; anyone else is "not found", never "forbidden" (that would confirm them). */
export async function findPerson(db: Db, organisationId: string, id: string): Promise<Person> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).where('organisation_id', '=', organisationId).executeTakeFirst();
  if (!row) throw notFound('person');
  const teams = await db.selectFrom('memberships').select('team_id').where('user_id', '=', id).orderBy('team_id').execute();
  return toPerson(row, teams.map((t) => t.team_id));
}

/** A new account with a generated password, shown once to the admin who hands it over. */
export async function createPerson(db: Db, actor: Actor, body: v.InferOutput<typeof CreatePersonBodySchema>, at: Date): Promise<{ person: Person; oneTimePassword: string }> {
  await requireOwnTeams(db, actor.organisationId, body.teamIds);
  const oneTimePassword = generatePassword();
  const user = await createUser(db, { organisationId: actor.organisationId, email: body.email, displayName: body.displayName, role: body.role, teamIds: body.teamIds, password: oneTimePassword });
  await writeAudit(db, { userId: actor.userId, action: 'account.create', target: user.id }, at);
  return { person: await findPerson(db, actor.organisationId, user.id), oneTimePassword };
}

/**
 * Name, role and disabled, each only if given. Nobody disables or demotes themselves (409 cannotChangeSelf): an
 * organisation must never lock out the admin who is making the change. A new role ends the person's access
 * tokens (the role is in them); disabling ends every session too.
 */
export async function updatePerson(db: Db, actor: Actor, id: string, body: v.InferOutput<typeof UpdatePersonBodySchema>, at: Date): Promise<Person> {
  const before = await findPerson(db, actor.organisationId, id);
  const self = actor.userId === id;
  if (self && (body.disabled === true || (body.role !== undefined && body.role !== before.role))) {
    throw new ServerError(409, 'cannotChangeSelf', 'You cannot disable or demote yourself; ask another admin.');
  }
  await db.transaction().execute(async (trx) => {
    const audit = (action: string) => writeAudit(trx, { userId: actor.userId, action, target: id }, at);
    if (body.displayName !== undefined && body.displayName !== before.displayName) {
      await trx.updateTable('users').set({ display_name: body.displayName }).where('id', '=', id).execute();
      await audit('account.rename');
    }
    if (body.role !== undefined && body.role !== before.role) {
      await trx.updateTable('users').set({ role: body.role }).where('id', '=', id).execute();
      await revokeAccessTokens(trx, id, at);
      await audit('account.role');
    }
    if (body.disabled !== undefined && body.disabled !== before.disabled) {
      await trx.updateTable('users').set({ disabled: body.disabled ? 1 : 0 }).where('id', '=', id).execute();
      if (body.disabled) await revokeSessions(trx, id, at);
      await audit(body.disabled ? 'account.disable' : 'account.enable');
    }
  });
  return findPerson(db, actor.organisationId, id);
}

/** A new generated password; every session of the person ends. */
export async function resetPersonPassword(db: Db, actor: Actor, id: string, at: Date): Promise<string> {
  await findPerson(db, actor.organisationId, id);
  const oneTimePassword = generatePassword();
  await setPassword(db, id, oneTimePassword, at);
  await writeAudit(db, { userId: actor.userId, action: 'account.resetPassword', target: id }, at);
  return oneTimePassword;
}

/** Signs the person out everywhere: refresh tokens now, access tokens within a minute. */
export async function revokePersonSessions(db: Db, actor: Actor, id: string, at: Date): Promise<void> {
  await findPerson(db, actor.organisationId, id);
  await db.transaction().execute(async (trx) => {
    await revokeSessions(trx, id, at);
    await writeAudit(trx, { userId: actor.userId, action: 'account.revokeSessions', target: id }, at);
  });
}

/** Every team id must be a team of this organisation; any other is "not found". */
export async function requireOwnTeams(db: Db, organisationId: string, teamIds: readonly string[]): Promise<void> {
  const wanted = [...new Set(teamIds)];
  if (wanted.length === 0) return;
  const found = await db.selectFrom('teams').select('id').where('organisation_id', '=', organisationId).where('id', 'in', wanted).execute();
  if (found.length !== wanted.length) throw notFound('team');
}

type UserRow = { id: string; email: string; display_name: string; role: Person['role']; disabled: number; created_at: string };

function toPerson(row: UserRow, teamIds: string[]): Person {
  return { id: row.id, email: row.email, displayName: row.display_name, role: row.role, disabled: row.disabled !== 0, teamIds, createdAt: row.created_at };
}
