import { checkServerEpoch } from '../db/clientNumbering';
import { applyHistoryPage, applyNotesAhead, scopesWithHistory } from '../db/historyStore';
import { applyPage, getSyncScope, prepareAhead, type IncomingRow, type PreparedRows, type SyncScope } from '../db/syncStore';
import { SyncError, type SyncApi } from './api';
import { LATEST_NOTES_PER_CASE, MAX_PAGE, type SnapshotResponse } from './protocol';
import { pagesAhead, type PageAhead } from './pageAhead';
import { readPage, type PullCount } from './pulledRows';

/**
 * A fresh device's first copy of a scope, in stages, so it is usable in seconds whatever the team's history:
 *  1. 'recent', in the sync round: every row but the notes (cases, follow-ups, partners, examples,
 *     instruments), page by page, resumable. The scope's cursor is then the first page's, and the round's
 *     ordinary pull brings what changed meanwhile: the caseload is usable.
 *  2. In the background (fetchHistory, resumable from syncScopes[scope].history after a reload or a lost
 *     connection): first 'latest', the newest notes of the open cases, then 'history', every note, newest first,
 *     page by page; a note already fetched ahead is not written twice. An opened case's newest notes can be
 *     fetched ahead at any time (fetchNotesAhead). Everything lands only if the device's cursor is not past the
 *     page's (db/historyStore.ts), so an old row never undoes a newer one or a deletion.
 * When the history is complete the device holds exactly what a whole snapshot plus its pull gives.
 */

/** Checks a server answer's epoch; throws when the server was restored from a backup (see client.ts). */
export type EpochCheck = (epoch: string | undefined) => Promise<void>;

/** The background loop's check: it does not start over itself, it stops, and the next sync round starts over. */
export class ServerRestoredMidHistory extends Error {}
const stopIfRestored: EpochCheck = async (epoch) => {
  if ((await checkServerEpoch(epoch)) === 'restored') throw new ServerRestoredMidHistory('The server was restored from a backup.');
};

/** Stage 1 for a scope without a cursor, or resuming one. */
export async function firstCopy(api: SyncApi, scopeId: string, resume: SyncScope['snapshot'], check: EpochCheck, report: PullCount, historyAhead?: HistoryAhead): Promise<void> {
  // A whole snapshot begun by an older version of the app is finished as it was begun.
  if (resume && resume.part !== 'recent') return wholeSnapshot(api, scopeId, resume, check, report);
  let cursor = resume?.cursor ?? -1;
  // The next page is fetched, and made ready (sealed), while the current one is written: network, WebCrypto and
  // IndexedDB work side by side.
  const fetchReady = (after: string) => ready(api.snapshotPart(scopeId, 'recent', { after }), report);
  let nextPage = fetchReady(resume?.after ?? '');
  for (;;) {
    const { page, rows, prepared } = await nextPage;
    await check(page.serverEpoch);
    if (cursor < 0) cursor = page.cursor;
    const next = page.nextAfter;
    if (next !== null) {
      nextPage = fetchReady(next);
      // If writing this page fails, the fetch already under way must not become an unhandled rejection.
      nextPage.catch(() => {});
    }
    // After the last page the scope is complete but for its notes: it pulls changes like any other from here.
    const progress: SyncScope = next === null ? { scopeId, cursor, snapshot: null, history: { after: '', done: 0, total: null } } : { scopeId, cursor: 0, snapshot: { after: next, cursor, part: 'recent' } };
    await applyPage(rows, progress, prepared);
    report.pulled += page.rows.length;
    if (next === null) {
      historyAhead?.start(api, scopeId, '', report);
      return;
    }
  }
}

/** A fetched page with its rows read and made ready to write (db/syncStore.ts prepareAhead). */
interface ReadyPage<P> {
  page: P;
  rows: IncomingRow[];
  prepared: Promise<PreparedRows>;
}

async function ready<P extends { rows: unknown[] }>(fetching: Promise<P>, report: PullCount): Promise<ReadyPage<P>> {
  const page = await fetching;
  const rows = readPage(page.rows as Parameters<typeof readPage>[0], report);
  return { page, rows, prepared: prepareAhead(rows) };
}

/** The whole scope in id order, as before the staged first sync; only to finish one an older app began. */
async function wholeSnapshot(api: SyncApi, scopeId: string, resume: { after: string; cursor: number }, check: EpochCheck, report: PullCount): Promise<void> {
  let after = resume.after;
  for (;;) {
    const page = await api.snapshot(scopeId, after);
    await check(page.serverEpoch);
    const next = page.nextAfter;
    await applyPage(readPage(page.rows, report), next === null ? { scopeId, cursor: resume.cursor, snapshot: null } : { scopeId, cursor: 0, snapshot: { after: next, cursor: resume.cursor } });
    report.pulled += page.rows.length;
    if (next === null) return;
    after = next;
  }
}

/** History pages fetched ahead of the one being written: the server and the network keep up with IndexedDB. */
const HISTORY_PAGES_AHEAD = 2;

type HistoryPage = ReadyPage<SnapshotResponse> & { nextAfter: string | null };

function historyPages(api: SyncApi, scopeId: string, report: PullCount): PageAhead<HistoryPage> {
  return pagesAhead((after) => ready(api.snapshotPart(scopeId, 'history', { after }), report).then((r) => ({ ...r, nextAfter: r.page.nextAfter })), HISTORY_PAGES_AHEAD);
}

/**
 * History pages asked for before their loop runs: a round that copied a scope afresh starts its first history
 * pages at once, so they come in while the round pulls the other scopes. A page that comes too late for what
 * the device pulled meanwhile is 'stale' and asked again, as any other (db/historyStore.ts).
 */
export class HistoryAhead {
  private readonly scopes = new Map<string, PageAhead<HistoryPage>>();

  start(api: SyncApi, scopeId: string, after: string, report: PullCount): void {
    if (this.scopes.has(scopeId)) return;
    const pages = historyPages(api, scopeId, report);
    pages.start(after);
    this.scopes.set(scopeId, pages);
  }

  /** The scope's pages under way, handed to its loop (which stops them), or undefined. */
  take(scopeId: string): PageAhead<HistoryPage> | undefined {
    const pages = this.scopes.get(scopeId);
    this.scopes.delete(scopeId);
    return pages;
  }

  /** Pages no loop took (the round failed first): no longer fetched. */
  stop(): void {
    for (const pages of this.scopes.values()) pages.stop();
    this.scopes.clear();
  }
}

export interface HistoryOptions {
  /** Fetch the open cases' newest notes before the history pages (the app does; a round that finishes the
   * whole history at once has no use for them). */
  latestFirst?: boolean;
  /** Default: stop when the server was restored (ServerRestoredMidHistory). */
  check?: EpochCheck;
  /** Runs each page's write; the engine runs it under the sync lock, so a push waits for one page at most. */
  gate?: <T>(write: () => Promise<T>) => Promise<T>;
  /** Counts the rows pulled (and those this app version cannot read: left out, see pulledRows.ts). */
  report?: PullCount;
  /** Pages a round already asked for (sync/client.ts). */
  ahead?: HistoryAhead;
}

/**
 * Stage 2: the older notes of every scope that still has them, newest first, until complete. Returns the scopes
 * the server no longer lets this person read (404): their history stops there, and the next round's pull
 * reports them as lost as usual. Throws on anything else (offline …): the progress kept resumes next time.
 */
export async function fetchHistory(api: SyncApi, options: HistoryOptions = {}): Promise<string[]> {
  const lost: string[] = [];
  for (const scopeId of await scopesWithHistory()) {
    try {
      await scopeHistory(api, scopeId, options);
    } catch (e) {
      if (!(e instanceof SyncError) || e.code !== 'notFound') throw e;
      lost.push(scopeId);
    }
  }
  return lost;
}

async function scopeHistory(api: SyncApi, scopeId: string, { latestFirst = false, check = stopIfRestored, gate = (w) => w(), report = { pulled: 0, unreadable: 0 }, ahead }: HistoryOptions): Promise<void> {
  // Each page fetched ahead is also made ready (sealed) ahead, while the one before it is written.
  const pages = ahead?.take(scopeId) ?? historyPages(api, scopeId, report);
  try {
    // The first history pages come in while the open cases' newest notes are fetched and written.
    const resumeAt = (await getSyncScope(scopeId))?.history?.after;
    if (resumeAt !== undefined) pages.start(resumeAt);
    for (;;) {
      const history = (await getSyncScope(scopeId))?.history;
      if (!history) return;
      if (latestFirst && !history.latest) {
        const latest = await api.snapshotPart(scopeId, 'latest', { limit: MAX_PAGE });
        await check(latest.serverEpoch);
        const rows = readPage(latest.rows, report);
        // 'stale' (a pull overtook it) asks again; 'gone' ends the loop at the next state read.
        if ((await gate(() => applyNotesAhead(scopeId, rows, latest.cursor, true))) === 'written') report.pulled += latest.rows.length;
        continue;
      }
      const from = history.after;
      const { page, rows, prepared } = await pages.take(from);
      await check(page.serverEpoch);
      const next = page.nextAfter;
      // 'stale': the device pulled past this page meanwhile; the loop asks for it again (state unchanged), and
      // the pages fetched ahead of it are dropped by take().
      const outcome = await gate(() => applyHistoryPage(scopeId, rows, { from, cursor: page.cursor, next, ...(page.total !== undefined ? { total: page.total } : {}) }, prepared));
      if (outcome === 'written') report.pulled += page.rows.length;
    }
  } finally {
    pages.stop();
  }
}

/**
 * A case the person opened before the history reached it: its newest notes, at once. Nothing to do when the
 * scope's copy is complete. Returns whether notes were written.
 */
export async function fetchNotesAhead(api: SyncApi, scopeId: string, caseId: string, check: EpochCheck = stopIfRestored): Promise<boolean> {
  if (!(await getSyncScope(scopeId))?.history) return false;
  for (let attempt = 0; attempt < 2; attempt++) {
    const page = await api.snapshotPart(scopeId, 'latest', { caseId, limit: LATEST_NOTES_PER_CASE });
    await check(page.serverEpoch);
    const outcome = await applyNotesAhead(scopeId, readPage(page.rows, { pulled: 0, unreadable: 0 }), page.cursor);
    if (outcome !== 'stale') return outcome === 'written';
  }
  return false;
}
