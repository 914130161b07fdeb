import { isBytes } from '../crypto/bytes';
import { checkPin, isValidPin, makePinCheck, type PinCheck } from '../crypto/pinCheck';
import { open, seal } from '../crypto/seal';
import { AppError } from '../model/appError';
import { db, write } from './connection';
import { unlockedKey } from './keyring';

/**
 * The screen lock's PIN (issue 13). Its verifier is stored sealed under the data key, so it is only readable
 * while the key is in memory, which is exactly when a screen lock (not a full lock) can be opened with it. A
 * stolen device's disk gives nothing to guess PINs against: the key is wrapped under the password.
 */
/** For forms: what a PIN must be (6 or more digits), without the form reaching into crypto/. */
export { isValidPin };

const META_KEY = 'pinCheck';
const AAD = 'meta/pinCheck';

/** Where a PIN may be used: only a device that holds a key in memory. */
function keyOrThrow(): CryptoKey {
  const key = unlockedKey();
  if (!key) throw new AppError('cannotDecrypt');
  return key;
}

interface StoredPinCheck {
  salt: number[];
  iterations: number;
  hash: number[];
}

/** Sets (or replaces) the PIN. Throws AppError 'invalidInput' for anything but 6 or more digits. */
export async function setScreenPin(pin: string): Promise<void> {
  const key = keyOrThrow();
  const check = await makePinCheck(pin);
  const stored: StoredPinCheck = { salt: Array.from(check.salt), iterations: check.iterations, hash: Array.from(check.hash) };
  const sealed = await seal(key, stored, AAD);
  await write(['meta'], () => db().meta.put({ key: META_KEY, value: sealed }));
}

export async function removeScreenPin(): Promise<void> {
  await write(['meta'], () => db().meta.delete(META_KEY));
}

/** Whether a PIN is set on this device: the lock screen then asks for it before the password. */
export async function hasScreenPin(): Promise<boolean> {
  return (await db().meta.get(META_KEY)) !== undefined;
}

/** Whether `pin` is the device's PIN. False when none is set, so a PIN never opens a device without one. */
export async function isScreenPin(pin: string): Promise<boolean> {
  const key = keyOrThrow();
  const sealed = (await db().meta.get(META_KEY))?.value;
  if (sealed === undefined) return false;
  return checkPin(toPinCheck(await open(key, sealed, AAD)), pin);
}

function toPinCheck(value: unknown): PinCheck {
  const stored = value as Partial<StoredPinCheck> | null;
  const salt = Uint8Array.from(stored?.salt ?? []);
  const hash = Uint8Array.from(stored?.hash ?? []);
  if (!isBytes(salt, 16) || !isBytes(hash, 32) || typeof stored?.iterations !== 'number') throw new AppError('keyRecordCorrupt');
  return { salt, iterations: stored.iterations, hash };
}
