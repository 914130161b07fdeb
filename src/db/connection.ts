import { VeldwerkDb } from './schema';
import { AppError } from '../model/appError';
import { toAppError } from './errors';
import { hintLocked } from './lockHint';

let current: VeldwerkDb | null = null;
/** A database named by connectOnFirstUse, set up by the first db() call. */
let deferred: string | null = null;
let versionChangeHandler: (() => Promise<void>) | null = null;
const replacedListeners = new Set<() => void>();

/**
 * Called each time eraseDevice has put a fresh, empty database in place of the old one. Live queries subscribe
 * again on it (db/live.ts): one caught in the deletion may otherwise never answer again. Returns the unsubscribe.
 */
export function onDatabaseReplaced(listener: () => void): () => void {
  replacedListeners.add(listener);
  return () => replacedListeners.delete(listener);
}

/** Opens (or switches to) the local database. One database per user keeps a shared tablet's users apart. */
export function connect(name: string): VeldwerkDb {
  deferred = null;
  if (current?.name === name) return current;
  current?.close();
  current = new VeldwerkDb(name);
  if (versionChangeHandler) listenForVersionChange(current, versionChangeHandler);
  return current;
}

/**
 * Names the database but leaves setting up Dexie to the first db() call: a cold start that draws its first frame
 * from the start-up read (bootRead.ts) then spends none of that work before the frame.
 */
export function connectOnFirstUse(name: string): void {
  if (current?.name === name) return;
  current?.close();
  current = null;
  deferred = name;
}

export function db(): VeldwerkDb {
  if (!current && deferred) connect(deferred);
  if (!current) throw new AppError('databaseClosed');
  return current;
}

/**
 * Removes everything this device holds and starts again with an empty database of the same name: what a
 * sign-out does, so the next person on a shared tablet finds nothing of the previous one's teams. Callers make
 * sure nothing unsent is left first (outbox and drafts empty). Other tabs get `versionchange` and close.
 */
export async function eraseDevice(): Promise<void> {
  const name = db().name;
  try {
    await db().delete();
  } catch (e) {
    throw toAppError(e);
  }
  current = null;
  // Nobody's key is on the device any more: its next cold start shows the app, not an unlock screen.
  hintLocked(false);
  connect(name);
  for (const listener of [...replacedListeners]) listener();
}

export function disconnect(): void {
  current?.close();
  current = null;
  deferred = null;
}

type TableName = 'cases' | 'notes' | 'followUps' | 'partners' | 'examples' | 'instrumentRuns' | 'drafts' | 'caseViews' | 'outbox' | 'meta' | 'syncScopes';

/**
 * One transaction per user intent. Errors come out as AppError; a connection that the browser dropped
 * (iOS after backgrounding) is reopened and the intent retried once, since the transaction never committed.
 */
export async function write<T>(tables: TableName[], work: () => Promise<T>): Promise<T> {
  const run = () => db().transaction('rw', tables, work);
  try {
    return await run();
  } catch (e) {
    if (!isLostConnection(e)) throw toAppError(e);
    db().close();
    await db().open();
    try {
      return await run();
    } catch (again) {
      throw toAppError(again);
    }
  }
}

/** Reads map their errors the same way, so the UI sees one kind of failure. */
export async function read<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    throw toAppError(e);
  }
}

function isLostConnection(e: unknown): boolean {
  const text = String((e as { message?: string })?.message ?? '');
  return /connection to indexed database server lost|database connection is closing/i.test(text);
}

/**
 * Another tab (or an updated app) wants a newer schema. Let the app save drafts first, then close so the
 * upgrade can go ahead; the handler decides what to tell the user.
 */
export function onVersionChange(handler: () => Promise<void>): void {
  versionChangeHandler = handler;
  // Also for a database set up later (connectOnFirstUse) or again (eraseDevice).
  if (current) listenForVersionChange(current, handler);
}

function listenForVersionChange(database: VeldwerkDb, handler: () => Promise<void>): void {
  database.on('versionchange', () => {
    void handler().finally(() => database.close());
    return false;
  });
}
