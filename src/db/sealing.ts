import Dexie from 'dexie';
import { isSealed, open, seal } from '../crypto/seal';
import { AppError } from '../model/appError';
import { hasStoredKey, unlockedKey, whenUnlocked } from './keyring';

/**
 * Client data at rest (issue 13): sealed under the person's data key before it is written, opened after it is
 * read. WebCrypto is asynchronous and an IndexedDB transaction commits when it waits on anything else, so
 * values are sealed before their write transaction starts, never inside it.
 *
 * A device nobody signed in to (the demo, local work before signing in) has no key: its fictitious or local
 * data stays plaintext, and a value that is not sealed is read as it is. A signed-in device that is locked
 * refuses to write client data ('locked') and lets reads wait for the unlock.
 */
/** What a stored value is bound to: its table and row, so a sealed value moved to another row is refused. */
export function placeOf(table: string, id: string): string {
  return `${table}/${id}`;
}

export async function sealForStorage<T>(value: T, place: string): Promise<T> {
  const key = unlockedKey();
  if (key) return (await seal(key, value, place)) as T;
  if (await hasStoredKey()) throw new AppError('locked');
  return value;
}

/**
 * The stored value back: opened when sealed (after the unlock, if the device is locked now; or AppError 'locked'
 * at once with `waitForUnlock: false`), as it is otherwise. Dexie.waitFor keeps a live query's observation going
 * across the wait (see Dexie's liveQuery rules).
 */
export async function openFromStorage<T>(stored: unknown, place: string, options: { waitForUnlock?: boolean } = {}): Promise<T> {
  if (!isSealed(stored)) return stored as T;
  const key = unlockedKey();
  if (!key && options.waitForUnlock === false) throw new AppError('locked');
  const opened = (async () => open(key ?? (await whenUnlocked()), stored, place))();
  return (await Dexie.waitFor(opened, 24 * 60 * 60 * 1000)) as T;
}
