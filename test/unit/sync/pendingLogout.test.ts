import { describe, expect, it } from 'vitest';
import { SyncApi, type FetchLike } from '../../../src/sync/api';
import { PENDING_LOGOUT_KEY, PendingLogout, type MarkerStorage } from '../../../src/sync/pendingLogout';

/** localStorage as a Map. */
function memoryStorage(): MarkerStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v), removeItem: (k) => void map.delete(k) };
}

/** A server (or its absence) that answers each POST /api/auth/logout in turn from `answers`. */
function server(answers: Array<number | 'offline'>) {
  const calls: string[] = [];
  const fetch: FetchLike = async (url, init) => {
    calls.push(`${init.method} ${url}`);
    const answer = answers.shift() ?? 'offline';
    if (answer === 'offline') throw new TypeError('Failed to fetch');
    if (answer === 204) return new Response(null, { status: 204 });
    return new Response(JSON.stringify({ error: { code: answer === 401 ? 'unauthorized' : 'internal', message: '' } }), { status: answer });
  };
  return { fetch, calls };
}

function setUp(answers: Array<number | 'offline'>) {
  const storage = memoryStorage();
  const { fetch, calls } = server(answers);
  const api = new SyncApi(fetch);
  const timers: Array<{ run: () => void; ms: number }> = [];
  const pending = new PendingLogout({ storage: () => storage, send: () => api.logout(), later: (run, ms) => timers.push({ run, ms }) });
  const online = new EventTarget();
  return { storage, calls, pending, timers, online };
}

describe('a logout the server has not confirmed', () => {
  it('is kept across a sign-out made offline and sent at the next app start', async () => {
    const { storage, calls, pending, online } = setUp(['offline', 204]);
    // Sign-out offline: marked, the one attempt fails.
    pending.mark();
    expect(await pending.flush()).toBe(false);
    expect(storage.map.has(PENDING_LOGOUT_KEY)).toBe(true);
    // The app starts again (a new PendingLogout over the same storage, as after a reload).
    const afterReload = new PendingLogout({ storage: () => storage, send: () => new SyncApi(server([204]).fetch).logout() });
    afterReload.start(online);
    await Promise.resolve();
    await new Promise((r) => setTimeout(r, 0));
    expect(storage.map.has(PENDING_LOGOUT_KEY)).toBe(false);
    expect(calls).toEqual(['POST /api/auth/logout']);
  });

  it('is sent again when the connection comes back, until the server confirms it', async () => {
    const { storage, calls, pending, online } = setUp(['offline', 'offline', 204]);
    pending.mark();
    pending.start(online);
    await new Promise((r) => setTimeout(r, 0));
    expect(storage.map.has(PENDING_LOGOUT_KEY)).toBe(true);
    online.dispatchEvent(new Event('online'));
    await new Promise((r) => setTimeout(r, 0));
    expect(storage.map.has(PENDING_LOGOUT_KEY)).toBe(true);
    online.dispatchEvent(new Event('online'));
    await new Promise((r) => setTimeout(r, 0));
    expect(storage.map.has(PENDING_LOGOUT_KEY)).toBe(false);
    expect(calls).toHaveLength(3);
    // Confirmed: nothing more is sent.
    online.dispatchEvent(new Event('online'));
    await new Promise((r) => setTimeout(r, 0));
    expect(calls).toHaveLength(3);
  });

  it('counts a 401 as confirmed (no session was left), and a 500 as not yet: retried after a growing wait', async () => {
    const { storage, pending, timers } = setUp([500, 500, 401]);
    pending.mark();
    expect(await pending.flush()).toBe(false);
    expect(timers.map((t) => t.ms)).toEqual([30_000]);
    timers.shift()!.run();
    await new Promise((r) => setTimeout(r, 0));
    expect(storage.map.has(PENDING_LOGOUT_KEY)).toBe(true);
    expect(timers.map((t) => t.ms)).toEqual([60_000]);
    timers.shift()!.run();
    await new Promise((r) => setTimeout(r, 0));
    expect(storage.map.has(PENDING_LOGOUT_KEY)).toBe(false);
    expect(timers).toEqual([]);
  });

  it('sends nothing when no logout is pending, and one request for callers at the same time', async () => {
    const { calls, pending } = setUp([204]);
    expect(await pending.flush()).toBe(true);
    expect(calls).toEqual([]);
    pending.mark();
    expect(await Promise.all([pending.flush(), pending.flush()])).toEqual([true, true]);
    expect(calls).toHaveLength(1);
  });

  it('is forgotten without an answer after a new sign-in, whose cookie a retry would otherwise end', () => {
    const { storage, pending } = setUp([]);
    pending.mark();
    pending.clear();
    expect(storage.map.has(PENDING_LOGOUT_KEY)).toBe(false);
  });

  it('works without storage (private mode): tried once, nothing thrown', async () => {
    const { fetch, calls } = server([204]);
    const api = new SyncApi(fetch);
    const pending = new PendingLogout({
      storage: () => {
        throw new Error('SecurityError');
      },
      send: () => api.logout(),
    });
    pending.mark();
    expect(pending.isPending()).toBe(false);
    expect(await api.logout()).toBe(true);
    expect(calls).toHaveLength(1);
  });
});
