// Runs inside Chromium, served from the same origin as /api (through the harness's proxy): the app's own sync
// client (src/sync) and data layer (src/db) against the real server, plus PouchDB for the comparison.
import { getCase, updateCase } from '../../../src/db/cases';
import { listConflicts } from '../../../src/db/conflicts';
import { connect, db, disconnect } from '../../../src/db/connection';
import { latestNotesOfCase } from '../../../src/db/notes';
import { countWaiting } from '../../../src/db/counts';
import { getPartner, updatePartner } from '../../../src/db/partners';
import { importRawDataKey } from '../../../src/crypto/dataKey';
import { adoptKey, forgetKey } from '../../../src/db/keyring';
import { SyncApi } from '../../../src/sync/api';
import { syncOnce } from '../../../src/sync/client';
import { pouchReplicate } from './pouch';
import { probeFreshSync } from './probe';
import { rawHistoryWrite, stagedSync } from './staged';
import { settle } from './settle';

/**
 * The app's SyncApi, unchanged, with two clocks: when the first pull starts (syncOnce pulls only after its push
 * loop returned, i.e. after the last acknowledgement emptied the outbox) and how long the push requests took
 * (request, server, response parsing), which tells the server's share from the device's own queue work.
 */
class TimedApi extends SyncApi {
  firstPullAt = 0;
  pushRequestMs = 0;
  override changes(scope: string, since: number) {
    if (this.firstPullAt === 0) this.firstPullAt = performance.now();
    return super.changes(scope, since);
  }
  override async push(request: Parameters<SyncApi['push']>[0]) {
    const t = performance.now();
    const answer = await super.push(request);
    this.pushRequestMs += performance.now() - t;
    return answer;
  }
}

const api = new TimedApi();
let scopes: string[] = [];
let current: string | null = null;
let dbSeq = 0;

/** "blocked" only means a just-closed connection has not finished closing; success follows. */
function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`deleting ${name} still blocked after 10 s`)), 10_000);
    const req = indexedDB.deleteDatabase(name);
    req.onsuccess = () => (clearTimeout(timer), resolve());
    req.onerror = () => (clearTimeout(timer), reject(req.error));
  });
}

/** Signs in as the app does (POST /api/auth/login; the refresh cookie stays in this profile). */
async function login(email: string, password: string): Promise<string[]> {
  const { user } = await api.login(email, password);
  scopes = [...user.teamIds, user.organisationId];
  return scopes;
}

/**
 * Deletes the last device's database (untimed). Called before each PouchDB run as well, which ends by
 * destroying its own: so every timed run, on either side, follows the deletion of one ~20 MB database.
 */
async function dropDevice(): Promise<void> {
  disconnect();
  if (current) await deleteDatabase(current);
  current = null;
}

/**
 * A new device: an empty app database, one syncOnce (snapshot of every scope), then the timeline query of one
 * case. Timed from the start of syncOnce until latestNotesOfCase has returned rows.
 */
const benchKey = importRawDataKey(crypto.getRandomValues(new Uint8Array(32)));

/** `sealed`: as a signed-in device (issue 13), a data key in memory: every client row is sealed as it is stored. */
async function freshSync(probeCase: string, expectedNotes: number, sealed = false) {
  await dropDevice();
  if (sealed) adoptKey(await benchKey);
  else forgetKey();
  current = `bench-sync-${dbSeq++}`;
  await connect(current).open(); // creating the schema is not sync; as in dataLayer, untimed
  await settle();
  const t0 = performance.now();
  const report = await syncOnce(api, scopes);
  const syncMs = performance.now() - t0;
  const rows = await latestNotesOfCase(probeCase, 50);
  const ms = performance.now() - t0;
  const notes = await db().notes.count();
  if (rows.length === 0 || notes !== expectedNotes) throw new Error(`after sync: ${rows.length} rows for ${probeCase}, ${notes} notes (expected ${expectedNotes})`);
  return { ms, syncMs, pulled: report.pulled, rows: rows.length };
}

const phone = (run: number, i: number) => `+32 9 ${String(run % 100).padStart(2, '0')} ${String(i).padStart(4, '0')}`;

/** Offline work (untimed): one real edit per case and per partner through the app's commands, each its own intent. */
async function localEdits(run: number, caseIds: string[], partnerIds: string[]): Promise<number> {
  for (const [i, id] of caseIds.entries()) {
    const prev = await getCase(id);
    if (!prev) throw new Error(`case ${id} not on the device`);
    await updateCase(id, { ...prev.body, phone: phone(run, i) });
  }
  for (const [i, id] of partnerIds.entries()) {
    const prev = await getPartner(id);
    if (!prev) throw new Error(`partner ${id} not on the device`);
    await updatePartner(id, { themes: prev.themes, body: { ...prev.body, phone: phone(run, 5000 + i) } });
  }
  return countWaiting();
}

/** Back online: syncOnce until it returns with the outbox empty (push, acknowledgements, then the pulls). */
async function pushEdits() {
  const waiting = await countWaiting();
  api.firstPullAt = 0;
  api.pushRequestMs = 0;
  const t0 = performance.now();
  const report = await syncOnce(api, scopes);
  const ms = performance.now() - t0;
  const left = await countWaiting();
  const conflicts = (await listConflicts()).length;
  if (left !== 0 || report.pushed !== waiting || conflicts !== 0) throw new Error(`push: ${waiting} waiting, ${report.pushed} pushed, ${left} left, ${conflicts} conflicts`);
  return { ms, pushMs: api.firstPullAt - t0, pushRequestMs: api.pushRequestMs, pushed: report.pushed, pulled: report.pulled };
}

/** Another device changed these cases' addresses: syncOnce, then every changed value read back through the data layer. */
async function remoteChanges(expected: Record<string, string>) {
  const ids = Object.keys(expected);
  const t0 = performance.now();
  const report = await syncOnce(api, scopes);
  const syncMs = performance.now() - t0;
  const seen = await Promise.all(ids.map((id) => getCase(id)));
  const ms = performance.now() - t0;
  const wrong = ids.filter((id, i) => seen[i]?.body.address !== expected[id]);
  if (wrong.length) throw new Error(`${wrong.length} of ${ids.length} remote changes not visible, e.g. ${wrong[0]}`);
  return { ms, syncMs, pulled: report.pulled };
}

declare global {
  interface Window {
    bench: unknown;
  }
}
window.bench = { login, dropDevice, freshSync, localEdits, pushEdits, remoteChanges, pouchReplicate, probeFreshSync, stagedSync, rawHistoryWrite };
document.title = 'bench ready';
