import type { FastifyInstance } from 'fastify';
import {
  CreatePersonBodySchema,
  EmptyBodySchema,
  UpdatePersonBodySchema,
  type CreatePersonResponse,
  type PasswordResetResponse,
  type PeopleResponse,
  type PersonResponse,
} from '../../model/admin';
import { createPerson, listPeople, resetPersonPassword, revokePersonSessions, updatePerson } from '../accounts/people';
import type { Db } from '../store/database';
import { ADMIN_BODY_LIMIT, IdParamsSchema, parseAdminInput } from './parseAdminInput';
import { ADMIN, ADMIN_OR_COORDINATOR, requireRole } from './requireRole';

/**
 * The people of the caller's organisation (src/model/admin.ts has the shapes). An admin manages them; a
 * coordinator only reads the members of their own teams. Every change is audited in the same module.
 */
export function registerPeopleRoutes(app: FastifyInstance, db: Db, now: () => number): void {
  const options = { bodyLimit: ADMIN_BODY_LIMIT };

  app.get('/api/admin/people', async (request): Promise<PeopleResponse> => {
    const caller = await requireRole(app, db, request, ADMIN_OR_COORDINATOR);
    const people = await listPeople(db, caller.organisationId, caller.role === 'admin' ? undefined : caller.teamIds);
    return { people };
  });

  app.post('/api/admin/people', options, async (request): Promise<CreatePersonResponse> => {
    const caller = await requireRole(app, db, request, ADMIN);
    const body = parseAdminInput(CreatePersonBodySchema, request.body);
    return createPerson(db, actorOf(caller), body, new Date(now()));
  });

  app.patch('/api/admin/people/:id', options, async (request): Promise<PersonResponse> => {
    const caller = await requireRole(app, db, request, ADMIN);
    const { id } = parseAdminInput(IdParamsSchema, request.params);
    const body = parseAdminInput(UpdatePersonBodySchema, request.body);
    const person = await updatePerson(db, actorOf(caller), id, body, new Date(now()));
    app.tokenStamps.forget(id);
    return { person };
  });

  app.post('/api/admin/people/:id/password', options, async (request): Promise<PasswordResetResponse> => {
    const caller = await requireRole(app, db, request, ADMIN);
    const { id } = parseAdminInput(IdParamsSchema, request.params);
    parseAdminInput(EmptyBodySchema, request.body);
    const oneTimePassword = await resetPersonPassword(db, actorOf(caller), id, new Date(now()));
    app.tokenStamps.forget(id);
    return { oneTimePassword };
  });

  app.post('/api/admin/people/:id/revoke-sessions', options, async (request, reply) => {
    const caller = await requireRole(app, db, request, ADMIN);
    const { id } = parseAdminInput(IdParamsSchema, request.params);
    parseAdminInput(EmptyBodySchema, request.body);
    await revokePersonSessions(db, actorOf(caller), id, new Date(now()));
    app.tokenStamps.forget(id);
    return reply.code(204).send();
  });
}

export const actorOf = (caller: { id: string; organisationId: string }) => ({ userId: caller.id, organisationId: caller.organisationId });
