import type { Db } from '../store/database';

/**
 * ⚠ How long an instance trusts a person's revocation stamp it read from the database. Another instance's
 * logout, disable or revoke reaches this one within this time; the contract allows at most a minute.
 */
export const STAMP_CACHE_MS = 20_000;
/** Above this many cached people the expired entries are dropped, so the cache cannot grow without bound. */
const PRUNE_ABOVE = 5_000;

/**
 * Ends every access token of a person issued before `at`: they are refused from then on (after at most
 * STAMP_CACHE_MS on other instances). Only moves the stamp forward. Run it inside the transaction of the change
 * that calls for it, so the change and the revocation commit together.
 */
export async function revokeAccessTokens(db: Db, userId: string, at: Date): Promise<void> {
  const stamp = at.toISOString();
  await db
    .updateTable('users')
    .set({ tokens_valid_after: stamp })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('tokens_valid_after', 'is', null), eb('tokens_valid_after', '<', stamp)]))
    .execute();
}

type Stamp = { validAfterMs: number | null; exists: boolean };

/** A per-process read-through cache of the stamps, checked on every authenticated request. */
export class RevocationStamps {
  private readonly cache = new Map<string, Stamp & { until: number }>();

  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether a token of this person issued at `issuedAtMs` still counts. An unknown person's never does. */
  async accepts(userId: string, issuedAtMs: number): Promise<boolean> {
    const stamp = await this.read(userId);
    return stamp.exists && (stamp.validAfterMs === null || issuedAtMs >= stamp.validAfterMs);
  }

  /** After this process changed a stamp itself: its own next request must not wait for the cache. */
  forget(userId: string): void {
    this.cache.delete(userId);
  }

  private async read(userId: string): Promise<Stamp> {
    const now = this.now();
    const cached = this.cache.get(userId);
    if (cached && cached.until > now) return cached;
    const row = await this.db.selectFrom('users').select('tokens_valid_after').where('id', '=', userId).executeTakeFirst();
    const stamp: Stamp = { exists: row !== undefined, validAfterMs: row?.tokens_valid_after ? Date.parse(row.tokens_valid_after) : null };
    if (this.cache.size > PRUNE_ABOVE) for (const [id, entry] of this.cache) if (entry.until <= now) this.cache.delete(id);
    this.cache.set(userId, { ...stamp, until: now + STAMP_CACHE_MS });
    return stamp;
  }
}
