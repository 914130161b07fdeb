import type { FastifyReply, FastifyRequest } from 'fastify';
import { REFRESH_TOKEN_SECONDS } from './refreshTokens';

export const REFRESH_COOKIE = 'vw_refresh';
/** Only the auth routes ever see the refresh token; the sync API gets the short-lived access token. */
const COOKIE_PATH = '/api/auth';

/**
 * `true`: always Secure. `'auto'` (default): Secure unless the request is plain http to localhost, so
 * `npm start` works on http://localhost while every real deployment (https, or http behind a proxy under
 * its own host name) gets a Secure cookie.
 */
export type SecureCookieOption = boolean | 'auto';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

function secure(request: FastifyRequest, option: SecureCookieOption): boolean {
  if (option !== 'auto') return option;
  return !(request.protocol === 'http' && LOCAL_HOSTS.has(request.hostname));
}

/** `maxAgeSeconds`: what the token is good for (never past the session's absolute end); at most 30 days. */
export function setRefreshCookie(request: FastifyRequest, reply: FastifyReply, token: string, option: SecureCookieOption, maxAgeSeconds: number = REFRESH_TOKEN_SECONDS): void {
  const maxAge = Math.min(maxAgeSeconds, REFRESH_TOKEN_SECONDS);
  reply.setCookie(REFRESH_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure: secure(request, option), path: COOKIE_PATH, maxAge });
}

export function clearRefreshCookie(request: FastifyRequest, reply: FastifyReply, option: SecureCookieOption): void {
  reply.clearCookie(REFRESH_COOKIE, { httpOnly: true, sameSite: 'strict', secure: secure(request, option), path: COOKIE_PATH });
}

export function readRefreshCookie(request: FastifyRequest): string | undefined {
  const value = request.cookies[REFRESH_COOKIE];
  return value ? value : undefined;
}
