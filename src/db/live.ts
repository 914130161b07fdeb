import { liveQuery } from 'dexie';
import { onDatabaseReplaced } from './connection';
import { toAppError } from './errors';
import type { AppError } from '../model/appError';

/** How often, and after how long, a watch whose database was closed under it asks again. */
const REOPEN_TRIES = 5;
const REOPEN_WAIT_MS = 150;

/**
 * Runs a named query now and again whenever the tables it read change, in this tab or another one.
 * Returns the unsubscribe function.
 *
 * A sign-in that erases the demo, or a sign-out, deletes the database and opens an empty one of the same name
 * (eraseDevice). A read caught in between may fail with a closed database (Dexie then ends the subscription) or
 * never answer at all: either way the header would never again learn who is signed in. So every watch subscribes
 * again on the new database as soon as it is in place, and also after a failed read finds its database closed, a
 * few times, before it reports the failure; a database that stays closed (another tab upgraded it) still ends in
 * onError, where the version-change handler has already told the person to reload.
 */
export function watch<T>(query: () => Promise<T>, onValue: (value: T) => void, onError: (e: AppError) => void): () => void {
  let stopped = false;
  let tries = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let subscription: { unsubscribe(): void } | undefined;
  const subscribe = () => {
    subscription = liveQuery(query).subscribe({
      next: (value) => {
        tries = 0;
        onValue(value);
      },
      error: (e: unknown) => {
        const error = toAppError(e);
        if (error.code !== 'databaseClosed' || tries >= REOPEN_TRIES) return onError(error);
        tries += 1;
        timer = setTimeout(() => !stopped && subscribe(), REOPEN_WAIT_MS * tries);
      },
    });
  };
  subscribe();
  const stopFollowing = onDatabaseReplaced(() => {
    if (stopped) return;
    clearTimeout(timer);
    tries = 0;
    subscription?.unsubscribe();
    subscribe();
  });
  return () => {
    stopped = true;
    stopFollowing();
    clearTimeout(timer);
    subscription?.unsubscribe();
  };
}
