import { db, read } from './connection';
import type { OutboxEntry } from '../model/mutation';

/*
 * What the header counts, read without the code that writes the queue or applies pulled pages: the first screen
 * loads only this (see the first-screen size budget in test/bench/sizes.mjs).
 */

/** Changes on their way to the server. Refused ones wait for the person instead (see listNeedsAttention). */
export function countWaiting(): Promise<number> {
  return db().outbox.where('status').equals('pending').count();
}

/** Changes the server refused, for the "needs attention" list. */
export function listNeedsAttention(): Promise<OutboxEntry[]> {
  return read(() => db().outbox.where('status').equals('needsAttention').sortBy('seq'));
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
