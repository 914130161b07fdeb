import Dexie from 'dexie';
import { isSealed, open, seal, type Sealed } from '../crypto/seal';
import { AppError } from '../model/appError';
import { hasStoredKey, unlockedKey, whenUnlocked } from './keyring';

/**
 * Client data at rest (issue 13): sealed under the person's data key before it is written, opened after it is
 * read. WebCrypto is asynchronous and an IndexedDB transaction commits when it waits on anything else, so
 * values are sealed before their write transaction starts, never inside it (see `optimistic` for a change that
 * reads the row it changes).
 *
 * A device nobody signed in to (the demo, local work before signing in) has no key: its fictitious or local
 * data stays plaintext, and a value that is not sealed is read as it is. A signed-in device that is locked
 * refuses to write client data ('locked') and lets reads wait for the unlock.
 */
/** What a stored value is bound to: its table and row, so a sealed value moved to another row is refused. */
export function placeOf(table: string, id: string): string {
  return `${table}/${id}`;
}

/** The key to seal with now: null on a device nobody signed in to; AppError 'locked' on a locked one. */
export async function keyForWriting(): Promise<CryptoKey | null> {
  const key = unlockedKey();
  if (key) return key;
  if (await hasStoredKey()) throw new AppError('locked');
  return null;
}

/** `value` as it is to be stored: sealed under `key`, or as it is without one. */
export async function sealWith<T>(key: CryptoKey | null, value: T, place: string): Promise<T | Sealed> {
  return key ? seal(key, value, place) : value;
}

export async function sealForStorage<T>(value: T, place: string): Promise<T> {
  return (await sealWith(await keyForWriting(), value, place)) as T;
}

export interface OpenOptions {
  /** false: a locked device answers AppError 'locked' at once instead of waiting for the unlock. */
  waitForUnlock?: boolean;
}

/** The key to open with: now, or after the unlock. */
async function keyForReading(options: OpenOptions): Promise<CryptoKey> {
  const key = unlockedKey();
  if (key) return key;
  if (options.waitForUnlock === false) throw new AppError('locked');
  return whenUnlocked();
}

/**
 * Opens many stored values at once. Dexie.waitFor keeps a live query's observation (or a transaction) going
 * across WebCrypto's wait: once per batch, not per value. A batch with nothing sealed in it waits on nothing.
 */
export async function openAll<T>(items: ReadonlyArray<{ stored: unknown; place: string }>, options: OpenOptions = {}): Promise<T[]> {
  if (!items.some((item) => isSealed(item.stored))) return items.map((item) => item.stored as T);
  const opened = (async () => {
    const key = await keyForReading(options);
    return Promise.all(items.map(async (item) => (isSealed(item.stored) ? ((await open(key, item.stored, item.place)) as T) : (item.stored as T))));
  })();
  return Dexie.waitFor(opened, 24 * 60 * 60 * 1000);
}

/**
 * The stored value back: opened when sealed (after the unlock, if the device is locked now; or AppError 'locked'
 * at once with `waitForUnlock: false`), as it is otherwise.
 */
export async function openFromStorage<T>(stored: unknown, place: string, options: OpenOptions = {}): Promise<T> {
  const [value] = await openAll<T>([{ stored, place }], options);
  return value as T;
}

/**
 * For every read that opens sealed values: answers with a Dexie promise (Dexie.waitFor), as Dexie's rules for
 * live queries ask of a non-Dexie promise, so a live query that awaits it goes on observing what it reads next.
 * Within one read, every table is read before anything is opened: a conflicts list that read the partners
 * after opening the cases was found never to update on a change of a partner.
 */
export function keepObserving<T>(reading: Promise<T>): Promise<T> {
  return Dexie.waitFor(reading, 24 * 60 * 60 * 1000) as unknown as Promise<T>;
}

/** Returned by an optimistic commit whose rows changed since they were read: the whole change is made again. */
export const STALE = Symbol('stale');

/**
 * A change to sealed data that depends on what is stored: `prepare` reads, opens and seals outside any
 * transaction; `commit` runs inside one, checks that what prepare read is still what is stored, and writes, or
 * answers STALE, and everything is done again from the fresh state. Another tab (or a sync) writing in between
 * therefore never has its write overwritten by one based on an older read.
 */
export async function optimistic<P, T>(prepare: () => Promise<P>, commit: (prepared: P) => Promise<T | typeof STALE>, tries = 8): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const result = await commit(await prepare());
    if (result !== STALE) return result;
    if (attempt >= tries) throw new AppError('busy');
  }
}

/**
 * Whether two stored values are the same write: every seal has a fresh random IV, so a sealed value compares by
 * its bytes; the rest by their JSON. Used by optimistic commits to see that a row is as it was read.
 */
export function sameStored(a: unknown, b: unknown): boolean {
  return JSON.stringify(a, bytesAsText) === JSON.stringify(b, bytesAsText);
}

function bytesAsText(_key: string, value: unknown): unknown {
  return value instanceof Uint8Array ? Array.from(value).join(',') : value;
}
