import { describe, expect, it } from 'vitest';
import { oneAtATime, type Locks } from '../../../src/sync/oneAtATime';

/** An in-memory Web Lock: one holder, waiters in order, `ifAvailable` answers null when held. */
function fakeLocks(): Locks {
  let held = false;
  const waiters: Array<() => void> = [];
  async function request<T>(_name: string, a: unknown, b?: unknown): Promise<T> {
    const [ifAvailable, callback] = typeof a === 'function' ? [false, a] : [true, b];
    const cb = callback as (lock: unknown) => Promise<T>;
    if (held) {
      if (ifAvailable) return cb(null);
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
    held = true;
    try {
      return await cb({});
    } finally {
      held = false;
      waiters.shift()?.();
    }
  }
  return { request } as Locks;
}

const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Work that runs until released, counting its runs. */
function gatedWork() {
  const gates: Array<() => void> = [];
  let runs = 0;
  return {
    work: () => {
      runs++;
      return new Promise<void>((resolve) => gates.push(resolve));
    },
    /** Ends the round that is running, then lets every promise chain settle (a macrotask later). */
    releaseNext: async () => {
      await settle();
      gates.shift()?.();
      await settle();
    },
    runs: () => runs,
  };
}

describe('oneAtATime (one sync round at a time, nothing asked for is dropped)', () => {
  it('runs each request that finds no round under way', async () => {
    let runs = 0;
    const round = oneAtATime(fakeLocks(), 'sync', async () => void runs++);
    await round();
    await round();
    expect(runs).toBe(2);
  });

  it('gives the requests made during a round one shared round after it', async () => {
    const w = gatedWork();
    const round = oneAtATime(fakeLocks(), 'sync', w.work);
    const first = round();
    const during = [round(), round(), round()];
    await w.releaseNext();
    expect(w.runs()).toBe(2); // the first round, then one follow-up for all three
    await w.releaseNext();
    await Promise.all([first, ...during]);
    expect(w.runs()).toBe(2);
  });

  it('queues another follow-up for a request made while the follow-up runs', async () => {
    const w = gatedWork();
    const round = oneAtATime(fakeLocks(), 'sync', w.work);
    const first = round();
    const second = round();
    await w.releaseNext(); // first done, follow-up running
    expect(w.runs()).toBe(2);
    const third = round();
    await w.releaseNext(); // follow-up done, the third's round running
    await w.releaseNext();
    await Promise.all([first, second, third]);
    expect(w.runs()).toBe(3);
  });

  it('runs directly where the browser has no Web Locks', async () => {
    let runs = 0;
    const round = oneAtATime(undefined, 'sync', async () => void runs++);
    await Promise.all([round(), round()]);
    expect(runs).toBe(2);
  });
});
