import type { Team } from '../../model/admin';
import { ServerError } from '../serverError';
import { writeAudit } from '../store/auditLog';
import type { Db } from '../store/database';
import type { Actor } from './people';
import { createTeam } from './organisations';

/** The teams of an organisation with their members, or only the given ones (a coordinator's view), by name. */
export async function listOrgTeams(db: Db, organisationId: string, onlyTeamIds?: readonly string[]): Promise<Team[]> {
  if (onlyTeamIds?.length === 0) return [];
  let query = db.selectFrom('teams').select(['id', 'name']).where('organisation_id', '=', organisationId);
  if (onlyTeamIds) query = query.where('id', 'in', [...onlyTeamIds]);
  const teams = await query.orderBy('name').orderBy('id').execute();
  if (teams.length === 0) return [];
  const members = await db
    .selectFrom('memberships')
    .select(['team_id', 'user_id'])
    .where('team_id', 'in', teams.map((t) => t.id))
    .orderBy('user_id')
    .execute();
  return teams.map((t) => ({ id: t.id, name: t.name, memberIds: members.filter((m) => m.team_id === t.id).map((m) => m.user_id) }));
}

/** One team of the organisation; a team of another one is "not found". */
export async function findOrgTeam(db: Db, organisationId: string, id: string): Promise<Team> {
  const [team] = await listOrgTeams(db, organisationId, [id]);
  if (!team) throw new ServerError(404, 'notFound', 'No team with that id in this organisation.');
  return team;
}

export async function createOrgTeam(db: Db, actor: Actor, name: string, at: Date): Promise<Team> {
  const team = await createTeam(db, { organisationId: actor.organisationId, name });
  await writeAudit(db, { userId: actor.userId, action: 'team.create', target: team.id }, at);
  return { id: team.id, name: team.name, memberIds: [] };
}

export async function renameOrgTeam(db: Db, actor: Actor, id: string, name: string, at: Date): Promise<Team> {
  const before = await findOrgTeam(db, actor.organisationId, id);
  if (before.name === name) return before;
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('teams').set({ name }).where('id', '=', id).where('organisation_id', '=', actor.organisationId).execute();
    await writeAudit(trx, { userId: actor.userId, action: 'team.rename', target: id }, at);
  });
  return { ...before, name };
}
