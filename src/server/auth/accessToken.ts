import { createHmac, timingSafeEqual } from 'node:crypto';
import * as v from 'valibot';
import { ROLES } from '../store/database';

/** ⚠ Access tokens live 10 minutes: that is how long a disabled account or a revoked session can still read. */
export const ACCESS_TOKEN_SECONDS = 600;

/** Who is asking, as every route sees it after requireUser. */
export interface UserContext {
  userId: string;
  organisationId: string;
  teamIds: string[];
  role: (typeof ROLES)[number];
}

const ClaimsSchema = v.object({
  sub: v.string(),
  org: v.string(),
  teams: v.array(v.string()),
  role: v.picklist(ROLES),
  iat: v.number(),
  /** Issue time in milliseconds: a token issued in the same second as a revocation, but after it, still counts. */
  iatMs: v.optional(v.number()),
  exp: v.number(),
});
const HeaderSchema = v.object({ alg: v.literal('HS256'), kid: v.string() });

/**
 * A compact token in the JWT layout (header.payload.signature, base64url, HMAC-SHA256), made with node:crypto
 * only. `kid` names the signing key in the database, so any server instance can check any other's tokens.
 */
export function signAccessToken(user: UserContext, key: { id: string; secret: string }, nowMs: number): string {
  const iatMs = Math.floor(nowMs);
  const iat = Math.floor(iatMs / 1000);
  const header = encode({ alg: 'HS256', typ: 'JWT', kid: key.id });
  const payload = encode({ sub: user.userId, org: user.organisationId, teams: user.teamIds, role: user.role, iat, iatMs, exp: iat + ACCESS_TOKEN_SECONDS });
  return `${header}.${payload}.${mac(`${header}.${payload}`, key.secret)}`;
}

/** The key id a token claims, before its signature is checked; undefined if it is not a token at all. */
export function tokenKeyId(token: string): string | undefined {
  const header = decode(token.split('.')[0] ?? '');
  const parsed = v.safeParse(HeaderSchema, header);
  return parsed.success && token.split('.').length === 3 ? parsed.output.kid : undefined;
}

export interface VerifiedToken {
  user: UserContext;
  /** When the token was issued, to compare with the person's revocation stamp. */
  issuedAtMs: number;
}

/** The user context of a well-signed, unexpired token, or undefined. */
export function verifyAccessToken(token: string, secret: string, nowMs: number): VerifiedToken | undefined {
  const [header, payload, signature] = token.split('.');
  if (header === undefined || payload === undefined || signature === undefined) return undefined;
  const expected = Buffer.from(mac(`${header}.${payload}`, secret));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  const claims = v.safeParse(ClaimsSchema, decode(payload));
  if (!claims.success || claims.output.exp * 1000 <= nowMs) return undefined;
  const { sub, org, teams, role, iat, iatMs } = claims.output;
  return { user: { userId: sub, organisationId: org, teamIds: teams, role }, issuedAtMs: iatMs ?? iat * 1000 };
}

function mac(data: string, secret: string): string {
  return createHmac('sha256', Buffer.from(secret, 'base64url')).update(data).digest('base64url');
}

function encode(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function decode(part: string): unknown {
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}
