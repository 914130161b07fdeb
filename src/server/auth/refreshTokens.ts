import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { newId } from '../../model/ids';
import { readOrgSettings } from '../accounts/orgSettings';
import type { Db } from '../store/database';
import { revokeAccessTokens } from './tokenRevocation';

/**
 * ⚠ A refresh token is good for 30 days of not opening the app; each use replaces it with a fresh one. Next
 * to that sliding lifetime, a session (a token family, from its login) ends for good after the organisation's
 * `sessionMaxDays` (default 30): then the person types their password again, however often they used the app.
 */
export const REFRESH_TOKEN_DAYS = 30;
export const REFRESH_TOKEN_SECONDS = REFRESH_TOKEN_DAYS * 24 * 3600;
const DAY_MS = 24 * 3600 * 1000;
/**
 * A token used this recently may be presented once more without counting as theft: the answer that carried its
 * successor can be lost (the page navigated or closed while the refresh was under way, the connection dropped),
 * and the browser then still holds the used token. The successor is superseded, so one token stays live.
 */
export const REUSE_GRACE_SECONDS = 30;

export interface IssuedRefreshToken {
  /** `<id>.<secret>`: the id finds the row, only a hash of the secret is stored. */
  token: string;
  userId: string;
  familyId: string;
  /** Seconds the token is good for: 30 days, or less when the session's absolute end comes first (the cookie's Max-Age). */
  maxAgeSeconds: number;
}

export type Rotation =
  | ({ ok: true } & IssuedRefreshToken)
  | { ok: false; reason: 'unknown' | 'expired' | 'revoked' | 'disabled' | 'reused' | 'sessionExpired'; userId?: string };

/** Where a family stands: when its login was, and how many days the organisation lets a session last. */
export interface SessionSpan {
  startedAt: Date;
  maxDays: number;
}

/**
 * A token of a family: a new family at login (`span.startedAt` = now), or a successor. It expires after 30 days
 * or at the session's absolute end, whichever comes first.
 */
export async function issueRefreshToken(db: Db, userId: string, now: Date, span: SessionSpan = { startedAt: now, maxDays: REFRESH_TOKEN_DAYS }, familyId: string = newId(now.getTime())): Promise<IssuedRefreshToken> {
  const id = newId(now.getTime());
  const secret = randomBytes(32).toString('base64url');
  const expiresAt = Math.min(now.getTime() + REFRESH_TOKEN_SECONDS * 1000, sessionEnd(span));
  await db
    .insertInto('refresh_tokens')
    .values({
      id,
      user_id: userId,
      family_id: familyId,
      token_hash: digest(secret),
      created_at: now.toISOString(),
      expires_at: new Date(expiresAt).toISOString(),
      used_at: null,
      revoked_at: null,
      session_started_at: span.startedAt.toISOString(),
    })
    .execute();
  return { token: `${id}.${secret}`, userId, familyId, maxAgeSeconds: Math.max(0, Math.floor((expiresAt - now.getTime()) / 1000)) };
}

function sessionEnd(span: SessionSpan): number {
  return span.startedAt.getTime() + span.maxDays * DAY_MS;
}

/**
 * One-time use: the presented token is marked used and a successor in the same family is issued, in one
 * transaction. A token used longer ago than the grace, or a superseded one, means two parties hold the family
 * (a thief and the user), so the whole family is revoked, the newest token included. That revocation commits
 * even though the answer is 401.
 */
export async function rotateRefreshToken(db: Db, presented: string, now: Date): Promise<Rotation> {
  return db.transaction().execute(async (trx): Promise<Rotation> => {
    const row = await findPresented(trx, presented);
    if (!row) return { ok: false, reason: 'unknown' };
    const userId = row.user_id;
    // First: disabling revoked the family too, and the device must hear "disabled" (erase), not "log in again".
    if (row.disabled !== 0) {
      await revokeFamily(trx, row.family_id, now);
      return { ok: false, reason: 'disabled', userId };
    }
    if (row.revoked_at !== null) {
      // Superseded (see below) while its family lives on: someone kept a copy of it.
      return (await liveTokenOf(trx, row.family_id)) ? reused(trx, row.family_id, userId, now) : { ok: false, reason: 'revoked', userId };
    }
    if (row.used_at !== null && now.getTime() - Date.parse(row.used_at) > REUSE_GRACE_SECONDS * 1000) return reused(trx, row.family_id, userId, now);
    // The absolute end, after theft detection (a thief's replay still ends every access token) and before any
    // successor is issued: the organisation's setting as it is now, so shortening it takes effect at once.
    // A family from before migration 0005 without a start counts from this token's creation.
    const span: SessionSpan = { startedAt: new Date(row.session_started_at ?? row.created_at), maxDays: (await readOrgSettings(trx, row.organisation_id)).sessionMaxDays };
    if (now.getTime() >= sessionEnd(span)) {
      await revokeFamily(trx, row.family_id, now);
      return { ok: false, reason: 'sessionExpired', userId };
    }
    if (row.used_at !== null) {
      await supersedeLiveToken(trx, row.family_id, now);
      return { ok: true, ...(await issueRefreshToken(trx, userId, now, span, row.family_id)) };
    }
    if (row.expires_at <= now.toISOString()) return { ok: false, reason: 'expired', userId };
    // The condition makes a concurrent use (another instance, same token, same moment) lose the race here.
    const claimed = await trx
      .updateTable('refresh_tokens')
      .set({ used_at: now.toISOString() })
      .where('id', '=', row.id)
      .where('used_at', 'is', null)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (claimed.numUpdatedRows !== 1n) return reused(trx, row.family_id, userId, now);
    return { ok: true, ...(await issueRefreshToken(trx, userId, now, span, row.family_id)) };
  });
}

/** A thief may hold a token of the family: end the family and every access token the person holds now. */
async function reused(db: Db, familyId: string, userId: string, now: Date): Promise<Rotation> {
  await revokeFamily(db, familyId, now);
  await revokeAccessTokens(db, userId, now);
  return { ok: false, reason: 'reused', userId };
}

/** Logout: ends the family of the presented token. Returns its user, or undefined for an unknown token. */
export async function revokePresentedFamily(db: Db, presented: string, now: Date): Promise<string | undefined> {
  return db.transaction().execute(async (trx) => {
    const row = await findPresented(trx, presented);
    if (!row) return undefined;
    await revokeFamily(trx, row.family_id, now);
    return row.user_id;
  });
}

/** The successor whose answer was lost stops working; presenting it later counts as theft (see above). */
async function supersedeLiveToken(db: Db, familyId: string, now: Date): Promise<void> {
  await db.updateTable('refresh_tokens').set({ revoked_at: now.toISOString() }).where('family_id', '=', familyId).where('revoked_at', 'is', null).where('used_at', 'is', null).execute();
}

async function liveTokenOf(db: Db, familyId: string): Promise<boolean> {
  const live = await db.selectFrom('refresh_tokens').select('id').where('family_id', '=', familyId).where('revoked_at', 'is', null).where('used_at', 'is', null).executeTakeFirst();
  return live !== undefined;
}

async function revokeFamily(db: Db, familyId: string, now: Date): Promise<void> {
  await db.updateTable('refresh_tokens').set({ revoked_at: now.toISOString() }).where('family_id', '=', familyId).where('revoked_at', 'is', null).execute();
}

async function findPresented(db: Db, presented: string) {
  const [id, secret] = presented.split('.');
  if (!id || !secret || id.length > 64 || secret.length > 128) return undefined;
  const row = await db
    .selectFrom('refresh_tokens')
    .innerJoin('users', 'users.id', 'refresh_tokens.user_id')
    .select(['users.disabled', 'users.organisation_id', 'refresh_tokens.user_id', 'refresh_tokens.family_id', 'refresh_tokens.token_hash'])
    .select(['refresh_tokens.id', 'refresh_tokens.expires_at', 'refresh_tokens.used_at', 'refresh_tokens.revoked_at'])
    .select(['refresh_tokens.created_at', 'refresh_tokens.session_started_at'])
    .where('refresh_tokens.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const expected = Buffer.from(row.token_hash, 'hex');
  const given = Buffer.from(digest(secret), 'hex');
  return expected.length === given.length && timingSafeEqual(expected, given) ? row : undefined;
}

/** SHA-256 is enough here: the secret is 256 random bits, not a password that could be guessed. */
function digest(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
