import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAutosaver } from '../../../src/ui/autosaver';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('autosaver', () => {
  it('writes once after the delay, with the latest value', async () => {
    const saved: string[] = [];
    const saver = createAutosaver<string>(async (v) => void saved.push(v), 400, () => {});
    saver.schedule('h');
    saver.schedule('ha');
    saver.schedule('hal');
    await vi.advanceTimersByTimeAsync(399);
    expect(saved).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(saved).toEqual(['hal']);
  });

  it('flush writes now, and writes nothing when nothing is pending', async () => {
    const saved: string[] = [];
    const saver = createAutosaver<string>(async (v) => void saved.push(v), 400, () => {});
    saver.schedule('tekst');
    await saver.flush();
    await saver.flush();
    expect(saved).toEqual(['tekst']);
  });

  it('keeps a failed value pending and retries it on the next flush', async () => {
    const saved: string[] = [];
    const errors: unknown[] = [];
    let fail = true;
    const saver = createAutosaver<string>(
      async (v) => {
        if (fail) throw new Error('disk full');
        saved.push(v);
      },
      400,
      (e) => errors.push(e),
    );
    saver.schedule('belangrijk');
    await saver.flush();
    expect(errors).toHaveLength(1);
    fail = false;
    await saver.flush();
    expect(saved).toEqual(['belangrijk']);
  });

  it('never lets an older write land after a newer one', async () => {
    const order: string[] = [];
    const saver = createAutosaver<string>(
      async (v) => {
        await new Promise((r) => setTimeout(r, v === 'old' ? 50 : 1));
        order.push(v);
      },
      10,
      () => {},
    );
    saver.schedule('old');
    await vi.advanceTimersByTimeAsync(10);
    saver.schedule('new');
    const flushed = saver.flush();
    await vi.advanceTimersByTimeAsync(100);
    await flushed;
    expect(order).toEqual(['old', 'new']);
  });

  it('coalesces changes made while a write is in flight into one next write', async () => {
    const saved: string[] = [];
    const saver = createAutosaver<string>(
      async (v) => {
        await new Promise((r) => setTimeout(r, 20));
        saved.push(v);
      },
      0,
      () => {},
    );
    saver.schedule('a');
    await vi.advanceTimersByTimeAsync(1);
    saver.schedule('ab');
    saver.schedule('abc');
    await vi.advanceTimersByTimeAsync(100);
    expect(saved).toEqual(['a', 'abc']);
  });

  it('cancel drops what is pending', async () => {
    const saved: string[] = [];
    const saver = createAutosaver<string>(async (v) => void saved.push(v), 400, () => {});
    saver.schedule('x');
    saver.cancel();
    await vi.advanceTimersByTimeAsync(1000);
    expect(saved).toEqual([]);
  });
});
