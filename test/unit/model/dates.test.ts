import { describe, expect, it } from 'vitest';
import { addDays, brusselsDay, isDay } from '../../../src/model/dates';

describe('brusselsDay', () => {
  const cases: Array<[instant: string, day: string]> = [
    ['2026-11-26T22:59:59Z', '2026-11-26'], // 23:59 in Brussels (CET, UTC+1)
    ['2026-11-26T23:00:00Z', '2026-11-27'], // midnight in Brussels
    ['2026-07-01T21:59:00Z', '2026-07-01'], // 23:59 in summer time (UTC+2)
    ['2026-07-01T22:00:00Z', '2026-07-02'],
  ];
  it.each(cases)('%s is %s in Brussels', (instant, day) => {
    expect(brusselsDay(new Date(instant))).toBe(day);
  });
});

describe('addDays', () => {
  const cases: Array<[string, number, string]> = [
    ['2026-11-27', 7, '2026-12-04'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2028-03-01', -1, '2028-02-29'],
    ['2026-03-29', 1, '2026-03-30'], // across the change to summer time
  ];
  it.each(cases)('%s + %i days is %s', (day, n, expected) => {
    expect(addDays(day, n)).toBe(expected);
  });
});

describe('isDay', () => {
  it.each([
    ['2026-02-28', true],
    ['2026-02-30', false],
    ['2026-2-3', false],
    ['', false],
  ])('%s → %s', (value, expected) => {
    expect(isDay(value as string)).toBe(expected);
  });
});
