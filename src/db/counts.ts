import Dexie from 'dexie';
import { EDITABLE, hasConflicts } from './conflictRows';
import { db, read } from './connection';

/*
 * What the header counts, read without the code that writes the queue or applies pulled pages: the first screen
 * loads only this (see the first-screen size budget in test/bench/sizes.mjs).
 */

/** Changes on their way to the server. Refused ones wait for the person instead (see listNeedsAttention). */
export function countWaiting(): Promise<number> {
  return db().outbox.where('status').equals('pending').count();
}

/** How many changes the server refused wait for the person (the list itself: outbox.ts listNeedsAttention). */
export function countNeedsAttention(): Promise<number> {
  return read(() => db().outbox.where('status').equals('needsAttention').count());
}

export interface HistoryProgress {
  done: number;
  /** null until the server said how many notes there are. */
  total: number | null;
}

/** The older notes fetched so far over all scopes, or null when every scope's copy is complete. */
export function historyProgress(): Promise<HistoryProgress | null> {
  return read(async () => {
    const pending = (await db().syncScopes.toArray()).flatMap((s) => (s.history ? [s.history] : []));
    if (pending.length === 0) return null;
    const known = pending.every((h) => h.total !== null);
    return { done: pending.reduce((n, h) => n + h.done, 0), total: known ? pending.reduce((n, h) => n + (h.total ?? 0), 0) : null };
  });
}

/**
 * How many open conflicts the device holds, for the header. Conflicts are client data, sealed on a signed-in
 * device: only when a row has any is the code that opens them loaded (it stays off the first screen).
 */
export function countConflicts(): Promise<number> {
  const counting = read(async () => {
    let rows = 0;
    for (const table of EDITABLE) rows += await (db()[table] as unknown as { filter(f: typeof hasConflicts): { count(): Promise<number> } }).filter(hasConflicts).count();
    if (rows === 0) return 0;
    return (await (await import('./conflicts')).listConflicts()).length;
  });
  // A Dexie promise: the header's live query goes on observing what it reads after this (see sealing.ts keepObserving).
  return Dexie.waitFor(counting, 24 * 60 * 60 * 1000) as unknown as Promise<number>;
}
