import { AppError } from '../model/appError';
import { isBytes, randomBytes } from './bytes';

/**
 * One sealed value as stored in a row. A fresh random 96-bit IV per seal: one person writes far fewer than
 * the 2^32 values NIST allows under one key with random IVs.
 */
export interface Sealed {
  readonly iv: Uint8Array<ArrayBuffer>;
  readonly ct: Uint8Array<ArrayBuffer>;
}

const IV_BYTES = 12;
/** AES-GCM's tag: even an empty plaintext gives 16 bytes. */
const TAG_BYTES = 16;
const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

export function isSealed(x: unknown): x is Sealed {
  if (typeof x !== 'object' || x === null) return false;
  const { iv, ct } = x as Record<string, unknown>;
  return isBytes(iv, IV_BYTES) && isBytes(ct, undefined, TAG_BYTES);
}

/** The aad names where the value lives ("notes/<id>"), so a ciphertext moved to another row is refused. */
function additionalData(aad: string): Uint8Array<ArrayBuffer> {
  if (aad === '') throw new TypeError('seal/open need an aad naming the row, e.g. "notes/<id>"');
  return encoder.encode(aad);
}

/** A JSON value sealed under the data key, bound to `aad`. */
export async function seal(key: CryptoKey, value: unknown, aad: string): Promise<Sealed> {
  const json = JSON.stringify(value) as string | undefined;
  if (json === undefined) throw new TypeError('Only JSON values can be sealed');
  const iv = randomBytes(IV_BYTES);
  const ct = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: additionalData(aad) }, key, encoder.encode(json));
  return { iv, ct: new Uint8Array(ct) };
}

/**
 * The value back. Anything but the untouched ciphertext, its IV, its aad and its key throws AppError
 * 'cannotDecrypt': GCM's tag check means a damaged value is refused, never shown as garbage.
 */
export async function open(key: CryptoKey, sealed: unknown, aad: string): Promise<unknown> {
  const data = additionalData(aad);
  if (!isSealed(sealed)) throw new AppError('cannotDecrypt');
  try {
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: sealed.iv, additionalData: data }, key, sealed.ct);
    return JSON.parse(decoder.decode(plain)) as unknown;
  } catch (e) {
    throw new AppError('cannotDecrypt', [], { cause: e });
  }
}

/** Key rotation: opened under the old key and sealed again, with a fresh IV, under the new one. */
export async function reseal(oldKey: CryptoKey, newKey: CryptoKey, sealed: unknown, aad: string): Promise<Sealed> {
  return seal(newKey, await open(oldKey, sealed, aad), aad);
}
