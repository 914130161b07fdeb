import { describe, expect, it } from 'vitest';
import { loadInTurn } from '../../../src/shell/loadInTurn';

/** An idle scheduler the test drives by hand: `tick` runs the one waiting callback. */
function manualIdle() {
  const waiting: Array<() => void> = [];
  return {
    idle: (work: () => void) => void waiting.push(work),
    waiting: () => waiting.length,
    tick: async () => {
      waiting.shift()?.();
      // Let the started load settle and the next one be scheduled.
      for (let i = 0; i < 5; i++) await Promise.resolve();
    },
  };
}

describe('loadInTurn', () => {
  it('starts one load per idle moment, the next only after the previous has settled', async () => {
    const started: string[] = [];
    const load = (name: string) => async () => void started.push(name);
    const scheduler = manualIdle();
    const done = loadInTurn([load('case'), load('visit'), load('partners')], scheduler.idle);
    await Promise.resolve();
    expect(started).toEqual([]);
    expect(scheduler.waiting()).toBe(1);
    await scheduler.tick();
    expect(started).toEqual(['case']);
    expect(scheduler.waiting()).toBe(1);
    await scheduler.tick();
    await scheduler.tick();
    expect(started).toEqual(['case', 'visit', 'partners']);
    expect(scheduler.waiting()).toBe(0);
    await done;
  });

  it('goes on after a load that fails', async () => {
    const started: string[] = [];
    const scheduler = manualIdle();
    const done = loadInTurn(
      [
        async () => {
          started.push('broken');
          throw new Error('chunk missing');
        },
        async () => void started.push('next'),
      ],
      scheduler.idle,
    );
    await Promise.resolve();
    await scheduler.tick();
    await scheduler.tick();
    expect(started).toEqual(['broken', 'next']);
    await expect(done).resolves.toBeUndefined();
  });

  it('resolves at once with nothing to load', async () => {
    const scheduler = manualIdle();
    await loadInTurn([], scheduler.idle);
    expect(scheduler.waiting()).toBe(0);
  });
});
