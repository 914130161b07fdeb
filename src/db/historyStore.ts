import { db, read, write } from './connection';
import { optimistic, STALE } from './sealing';
import { DATA_TABLES, firstThen, prepareIncoming, writeIncoming, type IncomingRow, type PreparedRows } from './syncStore';

/**
 * The background half of a staged first sync (sync/firstSync.ts): the older notes of a scope, written page by
 * page while the device already pulls changes. A page of old rows may only land if it cannot undo something
 * newer the device holds. It was read by the server after its `cursor` (the scope's version then), so every row
 * in it is at least as new as anything up to that version. Written while the device's own cursor is not past
 * it, nothing it holds is newer and no deletion it applied can be undone; later pulls bring whatever is newer.
 * A page that comes too late ('stale') is fetched again. The check and the write are one transaction, so a pull,
 * a team removal or a start-over after a server restore in any tab is either wholly before or wholly after it.
 */
export type HistoryWrite = 'written' | 'stale' | 'moved' | 'gone';

export interface HistoryPage {
  /** The `after` this page was asked with ('' for the newest). */
  from: string;
  cursor: number;
  next: string | null;
  total?: number;
}

export function applyHistoryPage(scopeId: string, rows: IncomingRow[], page: HistoryPage, early?: Promise<PreparedRows>): Promise<HistoryWrite> {
  return optimistic(firstThen(early, () => prepareIncoming(rows)), (prepared) => write([...DATA_TABLES, 'outbox', 'syncScopes'], async () => {
    const state = await db().syncScopes.get(scopeId);
    // Forgotten (team removed, server restored, re-snapshot after 410): nothing of it may land.
    if (!state?.history) return 'gone';
    // Another tab wrote this page already.
    if (state.history.after !== page.from) return 'moved';
    if (state.cursor > page.cursor) return 'stale';
    // A note fetched ahead at this very version is on the device already: not written twice.
    const ahead = { ...state.history.ahead };
    const fresh = prepared.rows.filter((r) => {
      const known = ahead[r.id] === r.row['version'];
      delete ahead[r.id];
      return !known;
    });
    if ((await writeIncoming({ ...prepared, rows: fresh })) === STALE) return STALE;
    const total = page.total ?? state.history.total;
    await db().syncScopes.put({ ...state, history: page.next === null ? null : { ...state.history, after: page.next, done: state.history.done + rows.length, total, ahead } });
    return 'written';
  }));
}

/**
 * Notes fetched ahead of the history (the open cases' newest, or a case the person opened): the same rule as a
 * history page. They are remembered so their history page does not write them again; `latest` marks the open
 * cases' newest as done.
 */
export function applyNotesAhead(scopeId: string, rows: IncomingRow[], cursor: number, latest = false): Promise<HistoryWrite> {
  return optimistic(() => prepareIncoming(rows), (prepared) => write([...DATA_TABLES, 'outbox', 'syncScopes'], async () => {
    const state = await db().syncScopes.get(scopeId);
    if (!state?.history) return 'gone';
    if (state.cursor > cursor) return 'stale';
    if ((await writeIncoming(prepared)) === STALE) return STALE;
    const ahead = { ...state.history.ahead };
    for (const r of rows) if (typeof r.row['version'] === 'number') ahead[r.id] = r.row['version'];
    await db().syncScopes.put({ ...state, history: { ...state.history, ahead, ...(latest ? { latest: true } : {}) } });
    return 'written';
  }));
}

/** Scopes whose older notes are still to come (in this tab or another), in scope order. */
export function scopesWithHistory(): Promise<string[]> {
  return read(async () => (await db().syncScopes.toArray()).filter((s) => s.history).map((s) => s.scopeId));
}
