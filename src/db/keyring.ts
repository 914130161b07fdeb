import { importRawDataKey } from '../crypto/dataKey';
import type { WrappedDataKey } from '../crypto/keyRecord';
import { unwrapDataKey, wrapDataKey, type WrapOptions } from '../crypto/wrapDataKey';
import { isAppError } from '../model/appError';
import { hintLocked } from './lockHint';
import { getMeta, setMeta } from './meta';

/**
 * The device's data key (issue 13): kept in the device database only wrapped under the person's password
 * (meta 'dataKey'), and in this tab's memory, non-extractable, while unlocked. Erasing the device erases it.
 *
 * At every online sign-in the server hands over the person's key (server/auth/dataKeyVault.ts). The device keeps
 * its own key when the password opens it; when it does not (the password was reset, or changed elsewhere), the
 * server's key is the recovery: it is wrapped under the new password, and what the device holds is readable again.
 */
const META_KEY = 'dataKey';
let unlocked: CryptoKey | null = null;
let waitingForKey: Array<(key: CryptoKey) => void> = [];

function setUnlocked(key: CryptoKey): void {
  unlocked = key;
  for (const resolve of waitingForKey) resolve(key);
  waitingForKey = [];
}

/** The key as soon as there is one: now, or at the next unlock (a read of sealed data during a lock waits). */
export function whenUnlocked(): Promise<CryptoKey> {
  return unlocked ? Promise.resolve(unlocked) : new Promise((resolve) => waitingForKey.push(resolve));
}

/** Whether this device holds a wrapped key: someone signed in, so client data is sealed from then on. */
export async function hasStoredKey(): Promise<boolean> {
  return (await getMeta(META_KEY)) !== undefined;
}

export type SignInKey = 'new' | 'kept' | 'recovered';

/** The key in memory, or null while locked (or before the first sign-in). */
export function unlockedKey(): CryptoKey | null {
  return unlocked;
}

/** Drops the key from memory (a full lock, a sign-out); the wrapped copy stays for the next unlock. */
export function forgetKey(): void {
  unlocked = null;
}

/**
 * After an online sign-in with `password`: the key to use from now on. `serverKey` (the 32 bytes of the sign-in
 * answer) is zeroed here once used. `options` only lowers the PBKDF2 rounds in tests.
 */
export async function keyAtSignIn(serverKey: Uint8Array<ArrayBuffer>, password: string, options: WrapOptions = {}): Promise<SignInKey> {
  try {
    const stored = await getMeta<WrappedDataKey>(META_KEY);
    if (stored) {
      try {
        setUnlocked(await unwrapDataKey(stored, password, options));
        hintLocked(true);
        return 'kept';
      } catch (e) {
        // A record this app cannot read at all is replaced like a forgotten password: the server's key recovers.
        if (!isAppError(e) || (e.code !== 'wrongPassword' && e.code !== 'keyRecordCorrupt')) throw e;
      }
    }
    await setMeta(META_KEY, await wrapDataKey(serverKey, password, options));
    hintLocked(true);
    setUnlocked(await importRawDataKey(serverKey));
    return stored ? 'recovered' : 'new';
  } finally {
    serverKey.fill(0);
  }
}

/** Offline: opens the stored key with the password. Throws AppError 'wrongPassword' (or 'keyRecordCorrupt'). */
export async function unlockWithPassword(password: string, options: WrapOptions = {}): Promise<void> {
  const stored = await getMeta<WrappedDataKey>(META_KEY);
  if (!stored) throw new Error('No data key on this device: sign in online first.');
  setUnlocked(await unwrapDataKey(stored, password, options));
}

/** The key another tab of this device unlocked (CryptoKeys travel between tabs as they are, non-extractable). */
export function adoptKey(key: CryptoKey): void {
  setUnlocked(key);
}
