import type { SyncErrorCode } from './api';

/** One observable value: the three statuses below are each one of these. */
function cell<T>(initial: T) {
  let value = initial;
  const listeners = new Set<(v: T) => void>();
  return {
    get: () => value,
    set(next: T): void {
      value = next;
      listeners.forEach((l) => l(value));
    },
    watch(listener: (v: T) => void, emitNow: boolean): () => void {
      listeners.add(listener);
      if (emitNow) listener(value);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

/**
 * Whether the organisation's server answers, found out by a real request: `navigator.onLine === true`
 * proves nothing (captive portals, dead Wi-Fi, a stopped server). Sync will extend this status.
 */
export type Reachability = 'unknown' | 'reachable' | 'unreachable';

const CHECK_EVERY_MS = 30_000;
const TIMEOUT_MS = 5_000;
const reach = cell<Reachability>('unknown');
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
  if (next !== reach.get()) reach.set(next);
  return next;
}

export function reachability(): Reachability {
  return reach.get();
}

/** Starts watching: now, on online/offline, when the tab comes back, and every half minute while visible. */
export function watchReachability(listener: (r: Reachability) => void): () => void {
  const stop = reach.watch(listener, false);
  if (!started) {
    started = true;
    const check = () => void checkReachability();
    addEventListener('online', check);
    addEventListener('offline', check);
    document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && check());
    setInterval(() => document.visibilityState === 'visible' && check(), CHECK_EVERY_MS);
    check();
  }
  return stop;
}

/**
 * Whether a fresh device is still fetching its first data. Until it is done, an empty list means "not here
 * yet", not "there is nothing": screens say so instead of showing an empty state.
 */
export type FirstLoad = 'unknown' | 'loading' | 'done';
const firstLoad = cell<FirstLoad>('unknown');

export function setFirstLoad(state: FirstLoad): void {
  firstLoad.set(state);
}

export function watchFirstLoad(listener: (state: FirstLoad) => void): () => void {
  return firstLoad.watch(listener, true);
}

/** The sync status the header shows in words. Waiting and conflict counts come live from the database. */
export interface SyncState {
  phase: 'idle' | 'syncing';
  error: SyncErrorCode | null;
  lastSyncedAt: string | null;
  deferred: number;
  protocol: number;
}

const sync = cell<SyncState>({ phase: 'idle', error: null, lastSyncedAt: null, deferred: 0, protocol: 0 });

export function publishSync(patch: Partial<SyncState>): void {
  sync.set({ ...sync.get(), ...patch });
}

export function watchSync(listener: (s: SyncState) => void): () => void {
  return sync.watch(listener, true);
}
