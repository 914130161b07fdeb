import { countWaiting } from '../db/outbox';
import { clientId } from '../db/syncStore';
import { forgetDevice, rememberDevice } from './deviceMarker';
import { eraseDevice } from '../db/connection';
import { listDrafts } from '../db/drafts';
import { getMeta, setColleagues, setMeta } from '../db/meta';
import { SyncApi, SyncError, type SyncErrorCode } from './api';
import { syncOnce } from './client';
import { oneAtATime } from './oneAtATime';
import { PROTOCOL_VERSION } from './protocol';
import type { SessionUser } from './responses';
import { publishSync } from './status';

/** A few seconds after a local change, so a burst of typing becomes one round. */
const AFTER_WRITE_MS = 3000;
/** While the app is visible, look for others' changes this often. */
const INTERVAL_MS = 60_000;
const BACKOFF_MIN_MS = 5000;
const BACKOFF_MAX_MS = 5 * 60_000;

const api = new SyncApi();
// The names of the organisation's people, kept on the device so conflicts say who, offline too. Best effort: a
// device that cannot store them shows "a colleague" instead, and the session goes on.
api.onSession = (session) => setColleagues(session.colleagues).catch(() => {});
let failures = 0;
let retryTimer: ReturnType<typeof setTimeout> | null = null;
let writeTimer: ReturnType<typeof setTimeout> | null = null;

export async function sessionUser(): Promise<SessionUser | undefined> {
  return getMeta<SessionUser>('sessionUser');
}

/** Signs in online; from then on the device knows its user and scopes, and works offline. */
export async function signIn(email: string, password: string): Promise<SessionUser> {
  const { user } = await api.login(email, password);
  await setMeta('sessionUser', user);
  rememberDevice(await clientId());
  void syncNow();
  return user;
}

export type SignOutResult = 'signedOut' | 'changesWaiting' | 'draftsWaiting';

/**
 * Refused while changes wait or a visit note is still a draft: they would be lost. Otherwise the session ends
 * and this device's copy of the teams' data is erased, so the next person on a shared tablet sees none of it.
 */
export async function signOut(): Promise<SignOutResult> {
  if ((await countWaiting()) > 0) return 'changesWaiting';
  if ((await listDrafts()).length > 0) return 'draftsWaiting';
  await api.logout();
  forgetDevice();
  await eraseDevice();
  publishSync({ phase: 'idle', error: null });
  return 'signedOut';
}

/**
 * One sync round, in one tab at a time (Web Locks); a request during a round gets one more round after it (see
 * oneAtATime). Failures back off with jitter; a 401 that a refresh cannot fix asks the user to sign in again, and
 * the queue is kept whatever happens.
 */
const round = oneAtATime(typeof navigator === 'undefined' ? undefined : navigator.locks, 'veldwerk-sync', async () => {
  const user = await sessionUser();
  if (!user) return;
  publishSync({ phase: 'syncing' });
  try {
    const report = await syncOnce(api, [...user.teamIds, user.organisationId]);
    failures = 0;
    await setMeta('lastSyncedAt', new Date().toISOString());
    publishSync({ phase: 'idle', error: null, lastSyncedAt: new Date().toISOString(), deferred: report.deferred });
  } catch (e) {
    const code: SyncErrorCode = e instanceof SyncError ? e.code : 'server';
    publishSync({ phase: 'idle', error: code });
    if (code !== 'unauthorized' && code !== 'updateRequired') scheduleRetry();
  }
});

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
  addEventListener('online', () => void syncNow());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void syncNow();
  });
  setInterval(() => {
    if (document.visibilityState === 'visible') void syncNow();
  }, INTERVAL_MS);
}
