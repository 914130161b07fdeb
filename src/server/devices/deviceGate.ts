import type { FastifyInstance, FastifyRequest } from 'fastify';
import { readRefreshCookie } from '../auth/refreshCookie';
import { revokePresentedFamily } from '../auth/refreshTokens';
import type { Db } from '../store/database';
import { deviceHeaders } from './deviceHeaders';
import { deviceRevoked, isRevoked } from './deviceRegistry';

const REFRESH = '/api/auth/refresh';

/** The routes a revoked device is refused on: every sync route and the session refresh. */
function gated(request: FastifyRequest): boolean {
  const route = request.routeOptions.url ?? '';
  return route.startsWith('/api/sync/') || route === REFRESH;
}

/**
 * A revoked install gets 403 `deviceRevoked` before anything else is looked at (token, body, scope): the answer
 * tells the device to erase its copy, whatever state its session is in. On a refresh the presented session
 * ends as well, so the cookie left in that browser opens nothing any more.
 */
export function installDeviceGate(app: FastifyInstance, db: Db): void {
  app.addHook('onRequest', async (request) => {
    if (!gated(request)) return;
    const { clientId } = deviceHeaders(request);
    if (!clientId || !(await isRevoked(db, clientId))) return;
    const presented = request.routeOptions.url === REFRESH ? readRefreshCookie(request) : undefined;
    if (presented) await revokePresentedFamily(db, presented, new Date());
    throw deviceRevoked();
  });
}
