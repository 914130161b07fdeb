import { revokeAccessTokens } from '../auth/tokenRevocation';
import { ServerError } from '../serverError';
import type { Db } from '../store/database';

/**
 * Adds a user to a team of their own organisation; adding twice is a no-op. A real change ends the person's
 * access tokens (their team list is in them), so the next refresh carries the new list.
 */
export async function addMembership(db: Db, userId: string, teamId: string, at: Date = new Date()): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const user = await trx.selectFrom('users').select('organisation_id').where('id', '=', userId).executeTakeFirst();
    if (!user) throw new ServerError(404, 'userNotFound', `No user with id ${userId}.`);
    const added = await insertMembership(trx, userId, user.organisation_id, teamId);
    if (added) await revokeAccessTokens(trx, userId, at);
    return added;
  });
}

/** Takes a user out of a team; their tokens that still name the team end within a minute. False if not a member. */
export async function removeMembership(db: Db, userId: string, teamId: string, at: Date = new Date()): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const result = await trx.deleteFrom('memberships').where('user_id', '=', userId).where('team_id', '=', teamId).executeTakeFirst();
    const removed = result.numDeletedRows > 0n;
    if (removed) await revokeAccessTokens(trx, userId, at);
    return removed;
  });
}

/** Adds the membership row; true if it was not there yet. Run inside the caller's transaction. */
export async function insertMembership(db: Db, userId: string, organisationId: string, teamId: string): Promise<boolean> {
  const team = await db.selectFrom('teams').select('organisation_id').where('id', '=', teamId).executeTakeFirst();
  if (!team) throw new ServerError(404, 'teamNotFound', `No team with id ${teamId}.`);
  // Teams are the unit of need-to-know: a team of another organisation would leak its dossiers.
  if (team.organisation_id !== organisationId) throw new ServerError(409, 'otherOrganisation', `Team ${teamId} belongs to another organisation.`);
  const result = await db
    .insertInto('memberships')
    .values({ user_id: userId, team_id: teamId })
    .onConflict((oc) => oc.columns(['user_id', 'team_id']).doNothing())
    .executeTakeFirst();
  return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
}
