import { listOutbox } from '../db/outbox';
import { countWaiting } from '../db/counts';
import { clientId } from '../db/syncStore';
import { forgetDevice, rememberDevice } from './deviceMarker';
import { eraseDevice } from '../db/connection';
import { countDrafts, listTypedDrafts } from '../db/drafts';
import { countNeedsAttention } from '../db/counts';
import { adoptLocalRows, isEmpty, summarizeLocalData, type LocalDataSummary } from '../db/localData';
import { getCase } from '../db/cases';
import { getMeta, setMeta } from '../db/meta';
import { typedText, typedWords } from '../model/typedText';
import { SyncApi, SyncError } from './api';
import { syncErrorCode } from './errorCode';
import { syncOnce } from './client';
import { fetchHistory, fetchNotesAhead, ServerRestoredMidHistory } from './firstSync';
import { oneAtATime } from './oneAtATime';
import { PendingLogout } from './pendingLogout';
import { PROTOCOL_VERSION } from './protocol';
import type { LoginResponse, SessionUser } from './responses';
import { applySession, saveSession, storedUser } from './session';
import { publishEnded, publishSync, watchWantedCase } from './status';
import { demoSeedSettled } from './seedDemo';
import { forgetKey, hasStoredKey, keyAtSignIn, unlockedKey } from '../db/keyring';
import { sealAtRest } from '../db/sealAtRest';

/** A few seconds after a local change, so a burst of typing becomes one round. */
const AFTER_WRITE_MS = 3000;
/** While the app is visible, look for others' changes this often. */
const INTERVAL_MS = 60_000;
const BACKOFF_MIN_MS = 5000;
const BACKOFF_MAX_MS = 5 * 60_000;

const api = new SyncApi(undefined, '', { clientId, appVersion: __APP_VERSION__ });
// Every login and refresh brings the person's current teams, role and colleagues' names (see session.ts).
api.onSession = applySession;
/** A sign-in that waits for the person to say what happens to the data already on this device. */
let pendingSignIn: { login: LoginResponse; password: string } | null = null;
let failures = 0;
let retryTimer: ReturnType<typeof setTimeout> | null = null;
let writeTimer: ReturnType<typeof setTimeout> | null = null;
/** A sign-out the server has not confirmed yet, retried until it has (see pendingLogout.ts). */
const pendingLogout = new PendingLogout({ storage: () => globalThis.localStorage, send: () => api.logout() });

/** The admin screens' requests go through this session's transport (token, one refresh on 401); see adminApi. */
export function authedText(path: string, init: RequestInit): Promise<string> {
  return api.authedText(path, init);
}

/** The signed-in person as this device keeps them (see session.ts). */
export const sessionUser = storedUser;

export type SignInResult =
  | { state: 'signedIn'; user: SessionUser }
  | { state: 'chooseLocalData'; summary: LocalDataSummary; teams: Array<{ id: string; name: string }> }
  /** Another person's data is on this device: refused (one person per tablet), with who it is for the way out. */
  | { state: 'otherPerson'; name: string };

/**
 * Signs in online; from then on the device knows its person and their teams, and works offline. A device that
 * holds data from before (the demo, or work done without signing in) first asks what happens to it: nothing of
 * it mixes with the organisation's data unasked (see finishSignIn).
 */
export async function signIn(email: string, password: string): Promise<SignInResult> {
  // The previous person's unconfirmed sign-out goes first, with their cookie; after this login the cookie is
  // the new person's, and the old logout must not be retried with it.
  await pendingLogout.flush();
  const login = await api.login(email, password);
  pendingLogout.clear();
  await demoSeedSettled();
  const current = await storedUser();
  if (current && current.id !== login.user.id) {
    // One person's data on a device at a time: the new session ends again at once, and the other person's data is
    // neither shown, nor kept as the new person's, nor erased (it may hold changes not sent yet). The way out is
    // that person signing out, or an admin revoking the device: the round below then learns it and erases.
    await endServerSession();
    void syncNow();
    return { state: 'otherPerson', name: current.displayName };
  }
  const summary = await summarizeLocalData();
  if (!current && !isEmpty(summary)) {
    pendingSignIn = { login, password };
    return { state: 'chooseLocalData', summary, teams: login.teams };
  }
  await beginSession(login, password);
  return { state: 'signedIn', user: login.user };
}

/** The person's answer: erase what was on the device, or keep it as their own new rows in one of their teams. */
export async function finishSignIn(choice: { keep: false } | { keep: true; teamId: string }): Promise<SessionUser> {
  const pending = pendingSignIn;
  if (!pending) throw new SyncError('unauthorized');
  const { login, password } = pending;
  if (choice.keep) await adoptLocalRows({ teamId: choice.teamId, organisationId: login.user.organisationId });
  else await eraseDevice();
  pendingSignIn = null;
  await beginSession(login, password);
  return login.user;
}

async function beginSession(login: LoginResponse, password: string): Promise<void> {
  // The data key, wrapped under the password just typed (db/keyring.ts); a server from before issue 13 sends none.
  if (login.dataKey) await keyAtSignIn(Uint8Array.from(atob(login.dataKey), (c) => c.charCodeAt(0)), password);
  // What the device held before it had a key (local work kept at this sign-in, a device from before sealing).
  if (login.dataKey) void sealAtRest().catch(() => {});
  await saveSession(login);
  rememberDevice(await clientId());
  void syncNow();
}

export type SignOutResult = 'signedOut' | 'changesWaiting' | 'needsAttention' | 'draftsWaiting';

/**
 * Refused while changes wait, refused changes are not dealt with, or a visit note is still a draft: they would be lost. Otherwise the session ends
 * and this device's copy of the teams' data is erased, so the next person on a shared tablet sees none of it.
 */
export async function signOut(): Promise<SignOutResult> {
  if ((await countWaiting()) > 0) return 'changesWaiting';
  // A refused change is retried, copied or discarded by the person first: signing out would erase its text.
  if ((await countNeedsAttention()) > 0) return 'needsAttention';
  if ((await countDrafts()) > 0) return 'draftsWaiting';
  await endServerSession();
  await forgetEverything();
  publishSync({ phase: 'idle', error: null });
  return 'signedOut';
}

/**
 * One sync round, in one tab at a time (Web Locks); a request during a round gets one more round after it (see
 * oneAtATime). Failures back off with jitter; a 401 that a refresh cannot fix asks the user to sign in again, and
 * the queue is kept whatever happens.
 */
const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
const round = oneAtATime(locks, 'veldwerk-sync', async () => {
  const user = await sessionUser();
  if (!user) return;
  // Locked: what waits cannot be opened to send, nor what arrives sealed to store. The unlock syncs (shell/lock).
  if (!unlockedKey() && (await hasStoredKey())) return;
  publishSync({ phase: 'syncing' });
  try {
    // A fresh team's older notes are fetched apart from the round (history below), which stays short.
    const report = await syncOnce(api, [...user.teamIds, user.organisationId], { history: 'later' });
    // A scope refused while the device still lists it: a fresh session brings the current teams (applySession).
    if (report.lostScopes.length > 0) await api.refresh();
    failures = 0;
    await setMeta('lastSyncedAt', new Date().toISOString());
    publishSync({ phase: 'idle', error: null, lastSyncedAt: new Date().toISOString(), deferred: report.deferred });
    void history();
  } catch (e) {
    const code = syncErrorCode(e);
    if (code === 'accountDisabled' || code === 'deviceRevoked') return endAccessOnThisDevice(code);
    publishSync({ phase: 'idle', error: code });
    if (code !== 'unauthorized' && code !== 'updateRequired') scheduleRetry();
  }
});

/** Logs this browser's session out on the server; marked first, so it is retried (app start, back online) if this attempt fails or the tab closes. */
async function endServerSession(): Promise<void> {
  pendingLogout.mark();
  if (await api.logout()) pendingLogout.clear();
}

/** The person leaves this device: its marker, the data key in memory and the whole database go. */
async function forgetEverything(): Promise<void> {
  forgetDevice();
  forgetKey();
  await eraseDevice();
}

/**
 * The organisation disabled this person or revoked this device: the device erases its copy of the organisation's
 * data at once (a lost tablet must reveal nothing), and shows, from memory only, the words of what it had not sent.
 */
async function endAccessOnThisDevice(reason: 'accountDisabled' | 'deviceRevoked'): Promise<void> {
  // A locked device cannot read the words of its queue and drafts: it erases all the same, and shows what it can.
  const waiting = await listOutbox({ waitForUnlock: false }).catch(() => []);
  const drafts = await listTypedDrafts({ waitForUnlock: false }).catch(() => []);
  const unsent = [
    ...waiting.map((entry) => ({ at: entry.createdAt, text: typedText(entry.mutation) })),
    ...drafts.map((draft) => ({ at: draft.updatedAt, text: typedWords(draft.body) })),
  ].filter((item) => item.text !== '');
  await forgetEverything();
  publishEnded({ reason, unsent });
  publishSync({ phase: 'idle', error: reason });
}


/**
 * The older notes of a first sync, in one tab at a time, after a successful round. Each page is written under the
 * sync round's lock, so a push waits for one page at most and never for the whole history; pages are fetched
 * outside it. Offline or a failing server stops the loop with its progress kept: the next good round resumes it.
 */
const history = oneAtATime(locks, 'veldwerk-history', async () => {
  try {
    const gate = locks ? { gate: <T,>(write: () => Promise<T>) => locks.request('veldwerk-sync', write) as Promise<T> } : {};
    await fetchHistory(api, { latestFirst: true, ...gate });
  } catch (e) {
    // The server was restored: a round starts over (and then resumes the history from scratch).
    if (e instanceof ServerRestoredMidHistory) void syncNow();
    // A full device is told so, as after a round; anything else (offline …) waits for the next good round.
    else if (syncErrorCode(e) === 'storageFull') publishSync({ error: 'storageFull' });
  }
});

/** A case the person opened before the history reached it: its newest notes now (see firstSync.fetchNotesAhead). */
async function notesAhead(caseId: string): Promise<void> {
  const scopeId = (await getCase(caseId).catch(() => undefined))?.scopeId;
  if (scopeId) await fetchNotesAhead(api, scopeId, caseId).catch(() => false);
}

export function syncNow(): Promise<void> {
  return round();
}

function scheduleRetry(): void {
  failures++;
  const base = Math.min(BACKOFF_MAX_MS, BACKOFF_MIN_MS * 2 ** (failures - 1));
  const delay = base / 2 + Math.random() * base;
  if (retryTimer) clearTimeout(retryTimer);
  retryTimer = setTimeout(() => void syncNow(), delay);
}

/** Call after every local write: syncs a few seconds later, once. */
export function afterLocalWrite(): void {
  if (writeTimer) clearTimeout(writeTimer);
  writeTimer = setTimeout(() => void syncNow(), AFTER_WRITE_MS);
}

/** Sync on start, when the connection or the tab comes back, and now and then while the app is visible. */
export function startSyncTriggers(): void {
  void getMeta<string>('lastSyncedAt').then((at) => publishSync({ lastSyncedAt: at ?? null, protocol: PROTOCOL_VERSION }));
  void syncNow();
  pendingLogout.start(globalThis);
  watchWantedCase((caseId) => caseId && void notesAhead(caseId));
  addEventListener('online', () => void syncNow());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void syncNow();
  });
  setInterval(() => {
    if (document.visibilityState === 'visible') void syncNow();
  }, INTERVAL_MS);
}
