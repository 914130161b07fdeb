// Issue 12 point 6, in the browser: a fresh device of a big team, as the app does it (engine.ts): sign-in, a
// round that leaves the older notes for later, the history loop started at once (each page written under the
// sync lock), and meanwhile the person opens one case, whose newest notes are fetched ahead. Then, untimed
// by the app, the same history rows written by plain bulkPuts into an empty database: the IndexedDB floor.
import Dexie from 'dexie';
import { listCaseload } from '../../../src/db/cases';
import { connect, db, disconnect } from '../../../src/db/connection';
import { latestNotesOfCase } from '../../../src/db/notes';
import { VeldwerkDb } from '../../../src/db/schema';
import { SyncApi } from '../../../src/sync/api';
import { syncOnce } from '../../../src/sync/client';
import { fetchHistory, fetchNotesAhead } from '../../../src/sync/firstSync';
import { readPage } from '../../../src/sync/pulledRows';
import { parseSnapshot } from '../../../src/sync/responses';
import type { SnapshotPart } from '../../../src/sync/protocol';
import { settle } from './settle';

const now = () => performance.now();

/**
 * Notes which history pages were fetched (scope, `after`, row count), to fetch and write the very same rows again
 * for the baseline. Not the rows themselves: 50,000 parsed notes held through the timed run were garbage the
 * collector walked on the measured side only (its share of the main thread: 0.9 s against 0.07 s for the raw
 * writes, in one profile here).
 *
 * Given `kept` (a page's answer as JSON text, by scope and `after`), a history page kept there is not fetched: it
 * is parsed and checked as an answer is (parseSnapshot), with no server and no network. Text, not parsed rows,
 * for the reason above: the collector does not walk a string.
 */
class RecordingApi extends SyncApi {
  historyPages: Array<{ scope: string; after: string | undefined; rows: number }> = [];
  constructor(private readonly kept: ReadonlyMap<string, string> | null = null) {
    super();
  }
  override async snapshotPart(scope: string, part: SnapshotPart, options: { after?: string; limit?: number; caseId?: string } = {}) {
    const text = part === 'history' ? this.kept?.get(pageKey(scope, options.after)) : undefined;
    const page = text === undefined ? await super.snapshotPart(scope, part, options) : parseSnapshot(JSON.parse(text));
    if (part === 'history') this.historyPages.push({ scope, after: options.after, rows: page.rows.length });
    return page;
  }
}

const pageKey = (scope: string, after: string | undefined) => `${scope} ${after ?? ''}`;

/** The history pages as the raw write first fetched them (it fetches each again anyway), for `fromMemory`. */
const keptPages = new Map<string, string>();

let api = new RecordingApi();
let seq = 0;
let current: string | null = null;

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.deleteDatabase(name);
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error);
  });
}

async function dropStaged(): Promise<void> {
  disconnect();
  if (current) await deleteDatabase(current);
  current = null;
}

/**
 * `fromMemory`: the history pages from keptPages (the bench's diagnosis, not a measurement of the app): what the
 * history costs the device itself, without a server and a network sharing its cores.
 */
export async function stagedSync(email: string, password: string, probeCase: string, expectedCases: number, expectedNotes: number, fromMemory = false) {
  await dropStaged();
  current = `bench-staged-${seq++}`;
  await connect(current).open(); // creating the schema is not sync; untimed as in freshSync
  if (fromMemory && keptPages.size === 0) throw new Error('staged sync from memory: no pages kept yet (run rawHistoryWrite first)');
  api = new RecordingApi(fromMemory ? keptPages : null);
  await settle();
  const t0 = now();
  const { user } = await api.login(email, password);
  const loginMs = now() - t0;
  const scopes = [...user.teamIds, user.organisationId];
  await syncOnce(api, scopes, { history: 'later' });
  const caseload = await listCaseload();
  const caseloadMs = now() - t0;
  // The engine starts the history right after the round; the person opens a case meanwhile.
  const historyStarted = now();
  // Each page write as the engine runs it, timed for the diagnosis: waiting for the lock, then the write itself.
  const writes: Array<{ asked: number; got: number; done: number }> = [];
  const gate = async <T,>(write: () => Promise<T>) => {
    const asked = now();
    let got = 0;
    const result = (await navigator.locks.request('veldwerk-sync', () => {
      got = now();
      return write();
    })) as T;
    writes.push({ asked, got, done: now() });
    return result;
  };
  const history = fetchHistory(api, { latestFirst: true, gate });
  await fetchNotesAhead(api, user.teamIds[0]!, probeCase);
  const notes = await latestNotesOfCase(probeCase, 20);
  const caseNotesMs = now() - t0;
  await history;
  const historyMs = now() - historyStarted;
  const total = await db().notes.count();
  if (caseload.length !== expectedCases || notes.length !== 20 || total !== expectedNotes) {
    throw new Error(`staged sync: ${caseload.length} cases in the caseload (expected ${expectedCases}), ${notes.length} notes of ${probeCase}, ${total} notes (expected ${expectedNotes})`);
  }
  const historyRows = api.historyPages.reduce((n, p) => n + p.rows, 0);
  const sum = (f: (w: (typeof writes)[number], i: number) => number) => writes.reduce((n, w, i) => n + f(w, i), 0);
  return {
    loginMs,
    caseloadMs,
    caseNotesMs,
    historyMs,
    historyRows,
    historyPages: api.historyPages.length,
    writes: writes.length,
    inWritesMs: sum((w) => w.done - w.got),
    lockWaitMs: sum((w) => w.got - w.asked),
    // Between one write's end and the next one's ask: the loop waiting for its next page (and reading its state).
    betweenMs: sum((w, i) => (i === 0 ? 0 : w.asked - writes[i - 1]!.done)),
  };
}

/**
 * The last run's history rows, as the device stores them, one transaction and one bulkPut per page. Each page's
 * answer is kept as text on the way (keptPages), for a staged run from memory.
 */
export async function rawHistoryWrite(): Promise<number> {
  const pages: Array<Array<Record<string, unknown>>> = [];
  // A copy: fetching them records them again.
  for (const { scope, after } of [...api.historyPages]) {
    const page = await api.snapshotPart(scope, 'history', after === undefined ? {} : { after });
    // Once is enough: the seeded team does not change between runs, and a run from memory read them from here.
    if (!keptPages.has(pageKey(scope, after))) keptPages.set(pageKey(scope, after), JSON.stringify(page));
    pages.push(readPage(page.rows, { pulled: 0, unreadable: 0 }).map((r) => r.row));
  }
  await dropStaged(); // the same disk state as before a staged run: its ~60 MB database deleted
  const name = `bench-staged-raw-${seq++}`;
  const raw = new VeldwerkDb(name); // the app's schema: the same indexes
  await raw.open();
  await settle();
  const t = now();
  for (const rows of pages) await raw.transaction('rw', ['notes'], () => raw.table('notes').bulkPut(rows));
  const ms = now() - t;
  raw.close();
  await Dexie.delete(name);
  return ms;
}
