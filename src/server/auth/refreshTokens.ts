import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { newId } from '../../model/ids';
import type { Db } from '../store/database';

/** ⚠ A refresh token is good for 30 days of not opening the app; each use replaces it with a fresh one. */
export const REFRESH_TOKEN_DAYS = 30;
export const REFRESH_TOKEN_SECONDS = REFRESH_TOKEN_DAYS * 24 * 3600;

export interface IssuedRefreshToken {
  /** `<id>.<secret>`: the id finds the row, only a hash of the secret is stored. */
  token: string;
  userId: string;
  familyId: string;
}

export type Rotation =
  | ({ ok: true } & IssuedRefreshToken)
  | { ok: false; reason: 'unknown' | 'expired' | 'revoked' | 'disabled' | 'reused'; userId?: string };

/** A new token family, at login. */
export async function issueRefreshToken(db: Db, userId: string, now: Date, familyId: string = newId(now.getTime())): Promise<IssuedRefreshToken> {
  const id = newId(now.getTime());
  const secret = randomBytes(32).toString('base64url');
  await db
    .insertInto('refresh_tokens')
    .values({
      id,
      user_id: userId,
      family_id: familyId,
      token_hash: digest(secret),
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + REFRESH_TOKEN_SECONDS * 1000).toISOString(),
      used_at: null,
      revoked_at: null,
    })
    .execute();
  return { token: `${id}.${secret}`, userId, familyId };
}

/**
 * One-time use: the presented token is marked used and a successor in the same family is issued, in one
 * transaction. A token that was already used means two parties hold the family (a thief and the user), so
 * the whole family is revoked, the newest token included. That revocation commits even though the answer is 401.
 */
export async function rotateRefreshToken(db: Db, presented: string, now: Date): Promise<Rotation> {
  return db.transaction().execute(async (trx): Promise<Rotation> => {
    const row = await findPresented(trx, presented);
    if (!row) return { ok: false, reason: 'unknown' };
    const userId = row.user_id;
    if (row.revoked_at !== null) return { ok: false, reason: 'revoked', userId };
    if (row.used_at !== null) {
      await revokeFamily(trx, row.family_id, now);
      return { ok: false, reason: 'reused', userId };
    }
    if (row.expires_at <= now.toISOString()) return { ok: false, reason: 'expired', userId };
    if (row.disabled !== 0) {
      await revokeFamily(trx, row.family_id, now);
      return { ok: false, reason: 'disabled', userId };
    }
    // The condition makes a concurrent use (another instance, same token, same moment) lose the race here.
    const claimed = await trx
      .updateTable('refresh_tokens')
      .set({ used_at: now.toISOString() })
      .where('id', '=', row.id)
      .where('used_at', 'is', null)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (claimed.numUpdatedRows !== 1n) {
      await revokeFamily(trx, row.family_id, now);
      return { ok: false, reason: 'reused', userId };
    }
    return { ok: true, ...(await issueRefreshToken(trx, userId, now, row.family_id)) };
  });
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

async function revokeFamily(db: Db, familyId: string, now: Date): Promise<void> {
  await db.updateTable('refresh_tokens').set({ revoked_at: now.toISOString() }).where('family_id', '=', familyId).where('revoked_at', 'is', null).execute();
}

async function findPresented(db: Db, presented: string) {
  const [id, secret] = presented.split('.');
  if (!id || !secret || id.length > 64 || secret.length > 128) return undefined;
  const row = await db
    .selectFrom('refresh_tokens')
    .innerJoin('users', 'users.id', 'refresh_tokens.user_id')
    .select(['users.disabled', 'refresh_tokens.user_id', 'refresh_tokens.family_id', 'refresh_tokens.token_hash'])
    .select(['refresh_tokens.id', 'refresh_tokens.expires_at', 'refresh_tokens.used_at', 'refresh_tokens.revoked_at'])
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
