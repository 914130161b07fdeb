import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { readOrgSettings } from '../accounts/orgSettings';
import { findUserByEmail, findUserById, listColleagues, type UserAccount } from '../accounts/users';
import { prepareDummyHash, verifyAgainstNothing, verifyPassword } from '../accounts/passwords';
import { sessionPlaces } from '../accounts/organisations';
import { deviceHeaders } from '../devices/deviceHeaders';
import { recordSighting } from '../devices/deviceRegistry';
import { parseInput } from '../parseInput';
import { ServerError } from '../serverError';
import { writeAudit } from '../store/auditLog';
import type { Db } from '../store/database';
import { readServerEpoch } from '../store/serverEpoch';
import { ACCESS_TOKEN_SECONDS, signAccessToken } from './accessToken';
import { LoginBodySchema, type PublicUser, type SessionResponse } from './authSchemas';
import { checkOrigin } from './originCheck';
import { clearRefreshCookie, readRefreshCookie, setRefreshCookie, type SecureCookieOption } from './refreshCookie';
import { DEFAULT_LOGIN_LIMITS, LoginLimiter, type LoginLimits } from './loginLimits';
import { issueRefreshToken, revokePresentedFamily, rotateRefreshToken, type IssuedRefreshToken } from './refreshTokens';
import { decorateRequireUser } from './requireUser';
import { SigningKeys } from './signingKeys';
import { DataKeyVault } from './dataKeyVault';
import { RevocationStamps, revokeAccessTokens } from './tokenRevocation';

export interface AuthOptions {
  /** Secure flag of the refresh cookie; see refreshCookie.ts. Default 'auto'. */
  secureCookie?: SecureCookieOption;
  /**
   * Wrong passwords per account and per address before the next attempt waits, with a growing wait; counted in
   * the database, so every instance counts the same attempts. See loginLimits.ts.
   */
  loginLimits?: Partial<LoginLimits>;
  /**
   * Login requests per address and minute, in each process's memory: only a guard against a flood of requests
   * (each right or wrong password costs an argon2 check). Default 120: far above what an office behind one
   * address does, because guessing is stopped by `loginLimits`, not by this.
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
  /**
   * The server's public origin (PUBLIC_URL, e.g. https://veldwerk.gemeente.example): refresh and logout refuse
   * another Origin. Without it, the request's own protocol and Host are the server's origin. See originCheck.ts.
   */
  publicOrigin?: string;
  /**
   * Keeps each person's device data key and hands it over at an online sign-in (dataKeyVault.ts). main.ts gives
   * it the configured secret; without one (tests) a random secret of this process, so keys last as long as it.
   */
  dataKeys?: DataKeyVault;
}

export interface RateLimit {
  max: number;
  timeWindowMs: number;
}

const LOGIN_LIMIT: RateLimit = { max: 120, timeWindowMs: 60_000 };
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
  const stamps = new RevocationStamps(db, now);
  const limiter = new LoginLimiter(db, { ...DEFAULT_LOGIN_LIMITS, ...options.loginLimits }, now);
  const dataKeys = options.dataKeys ?? new DataKeyVault(randomBytes(32));
  decorateRequireUser(app, keys, stamps, now);
  void prepareDummyHash();

  const session = async (request: FastifyRequest, reply: FastifyReply, user: UserAccount, refresh: IssuedRefreshToken): Promise<SessionResponse> => {
    const key = await keys.signingKey();
    const accessToken = signAccessToken({ userId: user.id, organisationId: user.organisationId, teamIds: user.teamIds, role: user.role }, key, now());
    setRefreshCookie(request, reply, refresh.token, secureCookie, refresh.maxAgeSeconds);
    const [colleagues, settings, places, serverEpoch] = await Promise.all([
      listColleagues(db, user.organisationId),
      readOrgSettings(db, user.organisationId),
      sessionPlaces(db, user.organisationId, user.teamIds),
      readServerEpoch(db),
    ]);
    return { accessToken, expiresIn: ACCESS_TOKEN_SECONDS, user: publicUser(user), colleagues, settings, ...places, serverEpoch };
  };

  app.post('/api/auth/login', limitedTo(options.loginRateLimit ?? LOGIN_LIMIT), async (request, reply) => {
    const { email, password } = parseInput(LoginBodySchema, request.body);
    // Before any password check: a locked account or address costs no argon2 time. Known and unknown e-mail
    // addresses are counted and locked alike (loginLimits.ts), so a lock does not tell which accounts exist.
    const check = await limiter.check(email, request.ip);
    if (!check.allowed) {
      const message = check.why === 'account' ? 'Too many wrong passwords for this account.' : 'Too many wrong passwords from this address.';
      throw new ServerError(429, 'tooManyRequests', `${message} Try again in ${check.retryAfterSeconds} s.`, check.retryAfterSeconds);
    }
    await limiter.begin(email, request.ip);
    const found = await findUserByEmail(db, email);
    // An unknown address costs a full argon2 verification too, so timing does not reveal which accounts exist.
    const ok = found ? await verifyPassword(found.passwordHash, password) : await verifyAgainstNothing(password);
    const at = new Date(now());
    if (found && ok) await limiter.succeeded(email, request.ip);
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
    // A new family: its absolute end is the organisation's sessionMaxDays from now.
    const { sessionMaxDays } = await readOrgSettings(db, found.account.organisationId);
    const refresh = await issueRefreshToken(db, found.account.id, at, { startedAt: at, maxDays: sessionMaxDays });
    await writeAudit(db, { userId: found.account.id, action: 'login', target: request.ip }, at);
    // Only a sign-in with the password hands over the data key, never a refresh: the device wraps it under that password.
    const dataKey = await dataKeys.keyFor(db, found.account.id, at);
    // A first key is routine; a replaced one (the secret was lost or changed) ends recovery for older devices.
    if (dataKey.fate === 'replaced') await writeAudit(db, { userId: found.account.id, action: 'dataKey.replaced', target: found.account.id }, at);
    return { ...(await session(request, reply, found.account, refresh)), dataKey: dataKey.key.toString('base64') };
  });

  // The routes the refresh cookie authenticates: only the server's own pages may call them (originCheck.ts).
  const ownOriginOnly = async (request: FastifyRequest) => checkOrigin(request, options.publicOrigin);

  app.post('/api/auth/refresh', { ...limitedTo(options.refreshRateLimit ?? REFRESH_LIMIT), onRequest: ownOriginOnly }, async (request, reply) => {
    const presented = readRefreshCookie(request);
    if (!presented) throw new ServerError(401, 'noRefreshToken', 'Log in again.');
    const at = new Date(now());
    const rotation = await rotateRefreshToken(db, presented, at);
    const user = rotation.ok ? await findUserById(db, rotation.userId) : undefined;
    if (!rotation.ok || !user) {
      if (!rotation.ok && rotation.reason === 'reused' && rotation.userId) {
        await writeAudit(db, { userId: rotation.userId, action: 'refresh.reuse', target: request.ip }, at);
        stamps.forget(rotation.userId);
      }
      clearRefreshCookie(request, reply, secureCookie);
      // A disabled person's device must erase its copy of the organisation's data; any other end means "log in again".
      if (!rotation.ok && rotation.reason === 'disabled') throw new ServerError(403, 'accountDisabled', 'This account is disabled.');
      // The organisation's absolute session lifetime is over: the person types their password again.
      if (!rotation.ok && rotation.reason === 'sessionExpired') throw new ServerError(401, 'sessionExpired', 'This session has reached its maximum length; log in again.');
      throw new ServerError(401, 'invalidRefreshToken', 'The session has ended; log in again.');
    }
    // The device's last contact (a revoked one never gets here: see deviceGate).
    const device = deviceHeaders(request);
    if (device.clientId) await recordSighting(db, { clientId: device.clientId, userId: user.id, appVersion: device.appVersion ?? null }, at);
    // A fresh context from the database: changed teams or role take effect at the next refresh.
    return session(request, reply, user, rotation);
  });

  app.post('/api/auth/logout', { bodyLimit: AUTH_BODY_LIMIT, onRequest: ownOriginOnly }, async (request, reply) => {
    const presented = readRefreshCookie(request);
    const at = new Date(now());
    const userId = presented ? await revokePresentedFamily(db, presented, at) : undefined;
    if (userId) {
      // The person's access tokens end too, on every device: a logout means "nobody acts as me any more".
      await revokeAccessTokens(db, userId, at);
      stamps.forget(userId);
      await writeAudit(db, { userId, action: 'logout', target: request.ip }, at);
    }
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
