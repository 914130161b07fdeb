import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { Db } from '../store/database';

/** Bytes of a person's data key (AES-256-GCM on the device, see src/crypto/dataKey.ts). */
const DATA_KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** A stored key is `v1.` and base64 of iv | ciphertext | tag. */
const FORMAT = 'v1.';

export interface IssuedDataKey {
  key: Buffer;
  /** 'created': the person's first; 'replaced': the stored one could not be unwrapped (the secret changed). */
  fate: 'kept' | 'created' | 'replaced';
}

/**
 * Each person's device data key, kept by the server so a forgotten password loses nothing on a device (the
 * CommCare model, issue 13): after a reset and an online sign-in the device gets its key again. The keys are
 * stored wrapped (AES-256-GCM, bound to the person's id) under a key derived from the server's data key secret,
 * which lives in configuration, not in the database: a copy of the database alone opens no device.
 *
 * When the secret is lost or changed, the stored keys cannot be unwrapped: the next sign-in gets a new key (and
 * the audit log says so). Devices encrypted under the old key still open with their own password; only the
 * recovery of a forgotten password is lost for them.
 */
export class DataKeyVault {
  private readonly kek: Buffer;

  constructor(secret: Uint8Array) {
    if (secret.length < 32) throw new RangeError('The data key secret must hold at least 32 bytes.');
    this.kek = Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), 'veldwerk device data keys v1', 32));
  }

  wrap(userId: string, key: Uint8Array): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.kek, iv).setAAD(Buffer.from(userId, 'utf8'));
    const sealed = Buffer.concat([iv, cipher.update(key), cipher.final(), cipher.getAuthTag()]);
    return FORMAT + sealed.toString('base64');
  }

  /** The key, or null when the text is not one of ours, was changed, belongs to someone else or to another secret. */
  unwrap(userId: string, wrapped: string): Buffer | null {
    if (!wrapped.startsWith(FORMAT)) return null;
    const sealed = Buffer.from(wrapped.slice(FORMAT.length), 'base64');
    if (sealed.length !== IV_BYTES + DATA_KEY_BYTES + TAG_BYTES) return null;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.kek, sealed.subarray(0, IV_BYTES)).setAAD(Buffer.from(userId, 'utf8'));
      decipher.setAuthTag(sealed.subarray(IV_BYTES + DATA_KEY_BYTES));
      return Buffer.concat([decipher.update(sealed.subarray(IV_BYTES, IV_BYTES + DATA_KEY_BYTES)), decipher.final()]);
    } catch {
      return null;
    }
  }

  /** The person's key, made on their first sign-in. Two instances signing the same person in at once agree. */
  async keyFor(db: Db, userId: string, now: Date): Promise<IssuedDataKey> {
    const stored = await db.selectFrom('data_keys').select('wrapped').where('user_id', '=', userId).executeTakeFirst();
    if (stored) {
      const key = this.unwrap(userId, stored.wrapped);
      if (key) return { key, fate: 'kept' };
      const fresh = randomBytes(DATA_KEY_BYTES);
      await db.updateTable('data_keys').set({ wrapped: this.wrap(userId, fresh), created_at: now.toISOString() }).where('user_id', '=', userId).execute();
      return { key: fresh, fate: 'replaced' };
    }
    const fresh = randomBytes(DATA_KEY_BYTES);
    await db
      .insertInto('data_keys')
      .values({ user_id: userId, wrapped: this.wrap(userId, fresh), created_at: now.toISOString() })
      .onConflict((oc) => oc.column('user_id').doNothing())
      .execute();
    // Another instance may have stored its key first: every device must get the same one.
    const winner = await db.selectFrom('data_keys').select('wrapped').where('user_id', '=', userId).executeTakeFirstOrThrow();
    const key = this.unwrap(userId, winner.wrapped);
    if (!key) throw new Error('A data key stored by another instance cannot be unwrapped: the instances have different data key secrets.');
    return { key, fate: 'created' };
  }
}
