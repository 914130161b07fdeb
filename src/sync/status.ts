import type { SyncErrorCode } from './api';
/**
 * Whether the organisation's server answers, found out by a real request: `navigator.onLine === true`
 * proves nothing (captive portals, dead Wi-Fi, a stopped server). Sync will extend this status.
 */
export type Reachability = 'unknown' | 'reachable' | 'unreachable';

const CHECK_EVERY_MS = 30_000;
const TIMEOUT_MS = 5_000;
const listeners = new Set<(r: Reachability) => void>();
let state: Reachability = 'unknown';
let started = false;

export async function checkReachability(): Promise<Reachability> {
  let next: Reachability = 'unreachable';
  if (navigator.onLine !== false) {
    try {
      const res = await fetch('/api/health', { cache: 'no-store', signal: AbortSignal.timeout(TIMEOUT_MS) });
      next = res.ok ? 'reachable' : 'unreachable';
    } catch {
      next = 'unreachable';
    }
  }
  if (next !== state) {
    state = next;
    listeners.forEach((l) => l(state));
  }
  return state;
}

export function reachability(): Reachability {
  return state;
}

/** Starts watching: now, on online/offline, when the tab comes back, and every half minute while visible. */
export function watchReachability(listener: (r: Reachability) => void): () => void {
  listeners.add(listener);
  if (!started) {
    started = true;
    const check = () => void checkReachability();
    addEventListener('online', check);
    addEventListener('offline', check);
    document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && check());
    setInterval(() => document.visibilityState === 'visible' && check(), CHECK_EVERY_MS);
    check();
  }
  return () => {
    listeners.delete(listener);
  };
}

/**
 * Whether a fresh device is still fetching its first data. Until it is done, an empty list means "not here
 * yet", not "there is nothing": screens say so instead of showing an empty state.
 */
export type FirstLoad = 'unknown' | 'loading' | 'done';
let firstLoad: FirstLoad = 'unknown';
const firstLoadListeners = new Set<(state: FirstLoad) => void>();

export function setFirstLoad(state: FirstLoad): void {
  firstLoad = state;
  firstLoadListeners.forEach((l) => l(state));
}

export function watchFirstLoad(listener: (state: FirstLoad) => void): () => void {
  firstLoadListeners.add(listener);
  listener(firstLoad);
  return () => {
    firstLoadListeners.delete(listener);
  };
}
/** The sync status the header shows in words. Waiting and conflict counts come live from the database. */
export interface SyncState {
  phase: 'idle' | 'syncing';
  error: SyncErrorCode | null;
  lastSyncedAt: string | null;
  deferred: number;
  protocol: number;
}

let syncState: SyncState = { phase: 'idle', error: null, lastSyncedAt: null, deferred: 0, protocol: 0 };
const syncListeners = new Set<(s: SyncState) => void>();

export function publishSync(patch: Partial<SyncState>): void {
  syncState = { ...syncState, ...patch };
  syncListeners.forEach((l) => l(syncState));
}

export function watchSync(listener: (s: SyncState) => void): () => void {
  syncListeners.add(listener);
  listener(syncState);
  return () => {
    syncListeners.delete(listener);
  };
}
