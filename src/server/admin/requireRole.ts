import type { FastifyInstance, FastifyRequest } from 'fastify';
import { findUserById, type UserAccount } from '../accounts/users';
import { ServerError } from '../serverError';
import type { Db, Role } from '../store/database';

/**
 * The caller of an admin route, read fresh from the database rather than from the token: a role or team
 * taken away counts at once here, not only when the token is refused. 401 without a valid token, 403
 * `forbidden` for a role without the right.
 */
export async function requireRole(app: FastifyInstance, db: Db, request: FastifyRequest, roles: readonly Role[]): Promise<UserAccount> {
  const context = await app.requireUser(request);
  const user = await findUserById(db, context.userId);
  if (!user || user.disabled) throw new ServerError(401, 'invalidToken', 'This account no longer exists or is disabled.');
  if (!roles.includes(user.role)) throw new ServerError(403, 'forbidden', `This needs the role ${roles.join(' or ')}.`);
  return user;
}

/** Only an admin manages accounts, teams and settings. */
export const ADMIN: readonly Role[] = ['admin'];
/** An admin, or a coordinator for their own teams (read only). */
export const ADMIN_OR_COORDINATOR: readonly Role[] = ['admin', 'coordinator'];
