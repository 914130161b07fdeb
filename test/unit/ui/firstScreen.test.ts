import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterFirstScreen, firstScreenShown } from '../../../src/ui/firstScreen';

const settled = async (p: Promise<void>) => {
  let done = false;
  void p.then(() => (done = true));
  await Promise.resolve();
  await Promise.resolve();
  return done;
};

afterEach(() => vi.useRealTimers());

// One module state for the whole file: the tests run in order, before and after the signal.
describe('afterFirstScreen', () => {
  it('gives up waiting after the fallback time on a screen that never signals', async () => {
    vi.useFakeTimers();
    const waiting = afterFirstScreen();
    expect(await settled(waiting)).toBe(false);
    vi.advanceTimersByTime(1200);
    expect(await settled(waiting)).toBe(true);
  });

  it('resolves when the first screen signals', async () => {
    const waiting = afterFirstScreen();
    expect(await settled(waiting)).toBe(false);
    firstScreenShown();
    expect(await settled(waiting)).toBe(true);
  });

  it('resolves at once after the signal', async () => {
    expect(await settled(afterFirstScreen())).toBe(true);
  });
});
