import { describe, expect, it } from 'vitest';
import { connect, connectOnFirstUse, db, disconnect, onVersionChange } from '../../../src/db/connection';
import { isAppError } from '../../../src/model/appError';

let n = 0;
const fresh = () => `connection-${n++}`;

function deleteFromElsewhere(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
  });
}

describe('connection', () => {
  it('sets Dexie up on the first db() call after connectOnFirstUse, once', () => {
    const name = fresh();
    connectOnFirstUse(name);
    const first = db();
    expect(first.name).toBe(name);
    expect(db()).toBe(first);
    disconnect();
  });

  it('has no database after disconnect, not even a deferred one', () => {
    connectOnFirstUse(fresh());
    disconnect();
    const error = (() => {
      try {
        db();
      } catch (e) {
        return e;
      }
    })();
    expect(isAppError(error) && error.code).toBe('databaseClosed');
  });

  it('gives a version-change handler registered before set-up to the database set up later, and to the next one', async () => {
    const calls: string[] = [];
    onVersionChange(async () => {
      calls.push(db().name);
    });
    const later = fresh();
    connectOnFirstUse(later);
    await db().open();
    await deleteFromElsewhere(later); // would wait for ever if the handler did not close the connection
    expect(calls).toEqual([later]);

    const next = fresh();
    connect(next);
    await db().open();
    await deleteFromElsewhere(next);
    expect(calls).toEqual([later, next]);
    disconnect();
  });
});
