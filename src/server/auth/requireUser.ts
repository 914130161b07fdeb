import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ServerError } from '../serverError';
import { tokenKeyId, verifyAccessToken, type UserContext } from './accessToken';
import type { SigningKeys } from './signingKeys';

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * The user behind the request's Bearer access token, or a 401 in the one error shape. Call it first
     * in every route that touches data, then authorise by `organisationId` and `teamIds` inside the query.
     */
    requireUser(request: FastifyRequest): Promise<UserContext>;
  }
}

/** Checks the token against the keys in the database only: no session lookup, so any instance can answer. */
export function decorateRequireUser(app: FastifyInstance, keys: SigningKeys, now: () => number): void {
  app.decorate('requireUser', async (request: FastifyRequest): Promise<UserContext> => {
    const match = /^Bearer ([A-Za-z0-9_\-.]{1,4096})$/.exec(request.headers.authorization ?? '');
    const token = match?.[1];
    if (!token) throw new ServerError(401, 'unauthenticated', 'A Bearer access token is required.');
    const kid = tokenKeyId(token);
    const key = kid === undefined ? undefined : await keys.find(kid);
    const user = key ? verifyAccessToken(token, key.secret, now()) : undefined;
    // One answer for forged, tampered, expired and unknown-key tokens: the client refreshes in every case.
    if (!user) throw new ServerError(401, 'invalidToken', 'The access token is invalid or has expired.');
    return user;
  });
}
