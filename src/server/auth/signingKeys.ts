import { randomBytes } from 'node:crypto';
import { newId } from '../../model/ids';
import type { Db } from '../store/database';

export interface SigningKey {
  id: string;
  secret: string;
}

/** How long a key read from the database is trusted in memory; a key deleted there stops working within this. */
const CACHE_MS = 60_000;

/**
 * The access-token HMAC keys live in the database, not in the process: every instance on one PostgreSQL
 * signs and checks with the same keys. The memory here is only a read-through cache.
 */
export class SigningKeys {
  private current: { key: SigningKey; until: number } | undefined;
  private readonly byId = new Map<string, { key: SigningKey; until: number }>();

  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {}

  /** The newest key, created on first use. Two instances racing here each add one; both stay valid. */
  async signingKey(): Promise<SigningKey> {
    if (this.current && this.current.until > this.now()) return this.current.key;
    let key = await this.newest();
    if (!key) {
      key = { id: newId(this.now()), secret: randomBytes(32).toString('base64url') };
      await this.db.insertInto('signing_keys').values({ ...key, created_at: new Date(this.now()).toISOString() }).execute();
      key = (await this.newest()) ?? key;
    }
    this.current = { key, until: this.now() + CACHE_MS };
    return key;
  }

  /** The key a token names, or undefined if no instance ever made it. */
  async find(id: string): Promise<SigningKey | undefined> {
    const cached = this.byId.get(id);
    if (cached && cached.until > this.now()) return cached.key;
    const key = await this.db.selectFrom('signing_keys').select(['id', 'secret']).where('id', '=', id).executeTakeFirst();
    if (key) this.byId.set(id, { key, until: this.now() + CACHE_MS });
    else this.byId.delete(id);
    return key;
  }

  private async newest(): Promise<SigningKey | undefined> {
    return this.db.selectFrom('signing_keys').select(['id', 'secret']).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
  }
}
