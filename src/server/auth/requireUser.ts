import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ServerError } from '../serverError';
import { tokenKeyId, verifyAccessToken, type UserContext } from './accessToken';
import type { SigningKeys } from './signingKeys';
import type { RevocationStamps } from './tokenRevocation';

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * The user behind the request's Bearer access token, or a 401 in the one error shape. Call it first
     * in every route that touches data, then authorise by `organisationId` and `teamIds` inside the query.
     */
    requireUser(request: FastifyRequest): Promise<UserContext>;
    /** The access-token revocation stamps as this process caches them; see tokenRevocation.ts. */
    tokenStamps: RevocationStamps;
  }
}

/**
 * Checks the token against the keys in the database and the person's revocation stamp (cached briefly): no
 * session lookup, so any instance can answer, and a logout, disable or revoke reaches every instance.
 */
export function decorateRequireUser(app: FastifyInstance, keys: SigningKeys, stamps: RevocationStamps, now: () => number): void {
  app.decorate('tokenStamps', stamps);
  app.decorate('requireUser', async (request: FastifyRequest): Promise<UserContext> => {
    const match = /^Bearer ([A-Za-z0-9_\-.]{1,4096})$/.exec(request.headers.authorization ?? '');
    const token = match?.[1];
    if (!token) throw new ServerError(401, 'unauthenticated', 'A Bearer access token is required.');
    const kid = tokenKeyId(token);
    const key = kid === undefined ? undefined : await keys.find(kid);
    const verified = key ? verifyAccessToken(token, key.secret, now()) : undefined;
    // One answer for forged, tampered, expired, unknown-key and revoked tokens: the client refreshes in every case.
    if (!verified || !(await stamps.accepts(verified.user.userId, verified.issuedAtMs))) {
      throw new ServerError(401, 'invalidToken', 'The access token is invalid, has expired or was revoked.');
    }
    return verified.user;
  });
}
