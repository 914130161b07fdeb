import { describe, expect, it } from 'vitest';
import { compareCodeUnits } from '../../../src/model/order';

describe('compareCodeUnits', () => {
  it.each([
    ['2026-11-27', '2026-11-28', -1],
    ['2026-11-28', '2026-11-27', 1],
    ['2026-11-27T09:00:00.000Z', '2026-11-27T09:00:00.000Z', 0],
    ['', '2026-01-01', -1], // a case never opened here ('') sorts below every date
    ['r10', 'r9', -1], // code units, not numbers: ids and answer keys are compared as stored
    ['Z', 'a', -1], // upper case before lower case, unlike a language's collation
  ])('%s vs %s → %i', (a, b, expected) => {
    expect(Math.sign(compareCodeUnits(a, b))).toBe(expected);
  });

  it('orders ISO timestamps newest first when the arguments are swapped', () => {
    const times = ['2026-11-01T08:00:00.000Z', '2026-11-27T08:00:00.000Z', '2026-11-15T08:00:00.000Z'];
    expect([...times].sort((a, b) => compareCodeUnits(b, a))).toEqual([times[1], times[2], times[0]]);
  });
});
