import type { FastifyInstance } from 'fastify';
import { TeamBodySchema, type TeamResponse, type TeamsResponse } from '../../model/admin';
import { createOrgTeam, listOrgTeams, renameOrgTeam } from '../accounts/teams';
import type { Db } from '../store/database';
import { actorOf } from './peopleRoutes';
import { ADMIN_BODY_LIMIT, IdParamsSchema, parseAdminInput } from './parseAdminInput';
import { ADMIN, ADMIN_OR_COORDINATOR, requireRole } from './requireRole';

/** The teams of the caller's organisation: an admin makes and renames them; a coordinator reads their own. */
export function registerTeamRoutes(app: FastifyInstance, db: Db, now: () => number): void {
  const options = { bodyLimit: ADMIN_BODY_LIMIT };

  app.get('/api/admin/teams', async (request): Promise<TeamsResponse> => {
    const caller = await requireRole(app, db, request, ADMIN_OR_COORDINATOR);
    return { teams: await listOrgTeams(db, caller.organisationId, caller.role === 'admin' ? undefined : caller.teamIds) };
  });

  app.post('/api/admin/teams', options, async (request): Promise<TeamResponse> => {
    const caller = await requireRole(app, db, request, ADMIN);
    const { name } = parseAdminInput(TeamBodySchema, request.body);
    return { team: await createOrgTeam(db, actorOf(caller), name, new Date(now())) };
  });

  app.patch('/api/admin/teams/:id', options, async (request): Promise<TeamResponse> => {
    const caller = await requireRole(app, db, request, ADMIN);
    const { id } = parseAdminInput(IdParamsSchema, request.params);
    const { name } = parseAdminInput(TeamBodySchema, request.body);
    return { team: await renameOrgTeam(db, actorOf(caller), id, name, new Date(now())) };
  });
}
