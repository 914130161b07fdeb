import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { findUserByEmail, findUserById, listColleagues, type UserAccount } from '../accounts/users';
import { prepareDummyHash, verifyAgainstNothing, verifyPassword } from '../accounts/passwords';
import { parseInput } from '../parseInput';
import { ServerError } from '../serverError';
import { writeAudit } from '../store/auditLog';
import type { Db } from '../store/database';
import { ACCESS_TOKEN_SECONDS, signAccessToken } from './accessToken';
import { LoginBodySchema, type PublicUser, type SessionResponse } from './authSchemas';
import { clearRefreshCookie, readRefreshCookie, setRefreshCookie, type SecureCookieOption } from './refreshCookie';
import { issueRefreshToken, revokePresentedFamily, rotateRefreshToken } from './refreshTokens';
import { decorateRequireUser } from './requireUser';
import { SigningKeys } from './signingKeys';

export interface AuthOptions {
  /** Secure flag of the refresh cookie; see refreshCookie.ts. Default 'auto'. */
  secureCookie?: SecureCookieOption;
  /**
   * Login attempts per IP address. Default 10 per minute: it slows password guessing. Counted in each
   * process's memory: n instances allow n times as many, which still stops guessing at scale.
   */
  loginRateLimit?: RateLimit;
  /**
   * Refreshes per IP address. Default 300 per minute. A refresh token cannot be guessed, so this limit only
   * blunts a flood. It must stay far above what a team does: every opened tab and every reload costs one
   * refresh (the access token lives in memory), and an office's devices usually share one public address.
   */
  refreshRateLimit?: RateLimit;
  /** The clock, for tests of expiry. */
  now?: () => number;
}

export interface RateLimit {
  max: number;
  timeWindowMs: number;
}

const LOGIN_LIMIT: RateLimit = { max: 10, timeWindowMs: 60_000 };
const REFRESH_LIMIT: RateLimit = { max: 300, timeWindowMs: 60_000 };

/** Auth bodies are a few hundred bytes; anything bigger is refused before it is read. */
const AUTH_BODY_LIMIT = 8 * 1024;

/**
 * POST /api/auth/login, /refresh, /logout and GET /api/me, plus `app.requireUser`. Registered on the root
 * instance (not as an encapsulated plugin) so every later route can use the decorator.
 */
export function registerAuthRoutes(app: FastifyInstance, db: Db, options: AuthOptions = {}): void {
  const now = options.now ?? Date.now;
  const secureCookie = options.secureCookie ?? 'auto';
  const keys = new SigningKeys(db, now);
  const limitedTo = (limit: RateLimit) => ({ bodyLimit: AUTH_BODY_LIMIT, config: { rateLimit: { max: limit.max, timeWindow: limit.timeWindowMs } } });
  decorateRequireUser(app, keys, now);
  void prepareDummyHash();

  const session = async (request: FastifyRequest, reply: FastifyReply, user: UserAccount, refreshToken: string): Promise<SessionResponse> => {
    const key = await keys.signingKey();
    const accessToken = signAccessToken({ userId: user.id, organisationId: user.organisationId, teamIds: user.teamIds, role: user.role }, key, now());
    setRefreshCookie(request, reply, refreshToken, secureCookie);
    return { accessToken, expiresIn: ACCESS_TOKEN_SECONDS, user: publicUser(user), colleagues: await listColleagues(db, user.organisationId) };
  };

  app.post('/api/auth/login', limitedTo(options.loginRateLimit ?? LOGIN_LIMIT), async (request, reply) => {
    const { email, password } = parseInput(LoginBodySchema, request.body);
    const found = await findUserByEmail(db, email);
    // An unknown address costs a full argon2 verification too, so timing does not reveal which accounts exist.
    const ok = found ? await verifyPassword(found.passwordHash, password) : await verifyAgainstNothing(password);
    const at = new Date(now());
    if (!found || !ok) {
      // Audited for unknown addresses too (without the address): both answers then cost the same write.
      await writeAudit(db, { userId: found?.account.id ?? null, action: 'login.failed', target: request.ip }, at);
      throw new ServerError(401, 'invalidCredentials', 'Wrong e-mail address or password.');
    }
    // Only someone who knows the password learns that the account is disabled.
    if (found.account.disabled) {
      await writeAudit(db, { userId: found.account.id, action: 'login.disabled', target: request.ip }, at);
      throw new ServerError(403, 'accountDisabled', 'This account is disabled.');
    }
    const refresh = await issueRefreshToken(db, found.account.id, at);
    await writeAudit(db, { userId: found.account.id, action: 'login', target: request.ip }, at);
    return session(request, reply, found.account, refresh.token);
  });

  app.post('/api/auth/refresh', limitedTo(options.refreshRateLimit ?? REFRESH_LIMIT), async (request, reply) => {
    const presented = readRefreshCookie(request);
    if (!presented) throw new ServerError(401, 'noRefreshToken', 'Log in again.');
    const at = new Date(now());
    const rotation = await rotateRefreshToken(db, presented, at);
    const user = rotation.ok ? await findUserById(db, rotation.userId) : undefined;
    if (!rotation.ok || !user) {
      if (!rotation.ok && rotation.reason === 'reused') await writeAudit(db, { userId: rotation.userId ?? null, action: 'refresh.reuse', target: request.ip }, at);
      clearRefreshCookie(request, reply, secureCookie);
      throw new ServerError(401, 'invalidRefreshToken', 'The session has ended; log in again.');
    }
    // A fresh context from the database: changed teams or role take effect at the next refresh.
    return session(request, reply, user, rotation.token);
  });

  app.post('/api/auth/logout', { bodyLimit: AUTH_BODY_LIMIT }, async (request, reply) => {
    const presented = readRefreshCookie(request);
    const at = new Date(now());
    const userId = presented ? await revokePresentedFamily(db, presented, at) : undefined;
    if (userId) await writeAudit(db, { userId, action: 'logout', target: request.ip }, at);
    clearRefreshCookie(request, reply, secureCookie);
    return reply.code(204).send();
  });

  app.get('/api/me', async (request) => {
    const context = await app.requireUser(request);
    const user = await findUserById(db, context.userId);
    if (!user || user.disabled) throw new ServerError(401, 'invalidToken', 'This account no longer exists or is disabled.');
    return { user: publicUser(user) };
  });
}

function publicUser(user: UserAccount): PublicUser {
  return { id: user.id, displayName: user.displayName, role: user.role, organisationId: user.organisationId, teamIds: user.teamIds };
}
