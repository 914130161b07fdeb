import * as v from 'valibot';
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
      next = res.ok || (await serverIsUp(res)) ? 'reachable' : 'unreachable';
    } catch {
      next = 'unreachable';
    }
  }
  if (next !== reach.get()) reach.set(next);
  return next;
}

/**
 * A 503 from the server itself (`{ ok: true, database: 'unreachable' }`) still means the server is there: sync
 * then fails and retries like any server error. A 503 from a proxy in front of a stopped server has no such body.
 */
const UpSchema = v.object({ ok: v.literal(true) });
async function serverIsUp(res: Response): Promise<boolean> {
  if (res.status !== 503) return false;
  return v.is(UpSchema, await res.json().catch(() => null));
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

/**
 * A case the person opened. While a first sync is still fetching the older notes (sync/firstSync.ts), the sync
 * engine fetches that case's newest notes at once, so its timeline does not wait for the whole history.
 */
const wantedCase = cell<string | null>(null);

export function wantCaseNotes(caseId: string): void {
  wantedCase.set(caseId);
}

export function watchWantedCase(listener: (caseId: string | null) => void): () => void {
  return wantedCase.watch(listener, true);
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

/**
 * The organisation ended this person's access or this device's: the device erased its copy and keeps, in memory
 * only, the words of what had not been sent, so the person sees what was lost and can pass it on by hand.
 */
export interface EndedAccess {
  reason: 'accountDisabled' | 'deviceRevoked';
  unsent: Array<{ at: string; text: string }>;
}
const ended = cell<EndedAccess | null>(null);

export function publishEnded(value: EndedAccess): void {
  ended.set(value);
}

export function watchEnded(listener: (value: EndedAccess | null) => void): () => void {
  return ended.watch(listener, true);
}
