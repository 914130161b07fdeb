import type { FastifyInstance } from 'fastify';
import { addMembership, removeMembership } from '../accounts/memberships';
import { findPerson } from '../accounts/people';
import { findOrgTeam } from '../accounts/teams';
import { writeAudit } from '../store/auditLog';
import type { Db } from '../store/database';
import { MemberParamsSchema, parseAdminInput } from './parseAdminInput';
import { ADMIN, requireRole } from './requireRole';

/**
 * PUT and DELETE /api/admin/teams/:id/members/:userId: both idempotent, 204. A real change ends the person's
 * access tokens, so their devices learn the new team list at the next refresh (a team taken away stops syncing).
 */
export function registerMembershipRoutes(app: FastifyInstance, db: Db, now: () => number): void {
  const routes = [
    ['PUT', addMembership, 'account.addTeam'],
    ['DELETE', removeMembership, 'account.removeTeam'],
  ] as const;
  for (const [method, change, action] of routes) {
    app.route({
      method,
      url: '/api/admin/teams/:id/members/:userId',
      handler: async (request, reply) => {
        const caller = await requireRole(app, db, request, ADMIN);
        const { id, userId } = parseAdminInput(MemberParamsSchema, request.params);
        await findOrgTeam(db, caller.organisationId, id);
        await findPerson(db, caller.organisationId, userId);
        const at = new Date(now());
        if (await change(db, userId, id, at)) {
          app.tokenStamps.forget(userId);
          await writeAudit(db, { userId: caller.id, action, target: userId }, at);
        }
        return reply.code(204).send();
      },
    });
  }
}
