import { describe, expect, it } from 'vitest';
import type { GridPlacement } from '../../../src/model/instrumentRun';
import { byQuadrant, levelsOf, quadrantOf, QUADRANTS } from '../../../src/model/powerInterest';

const place = (power: 'high' | 'low', interest: 'high' | 'low'): GridPlacement => ({ kind: 'placement', power, interest, note: '' });

describe('power–interest grid', () => {
  it.each([
    ['high', 'high', 'manageClosely'],
    ['high', 'low', 'keepSatisfied'],
    ['low', 'high', 'keepInformed'],
    ['low', 'low', 'monitor'],
  ] as const)('power %s and interest %s belong in %s', (power, interest, quadrant) => {
    expect(quadrantOf({ power, interest })).toBe(quadrant);
    expect(levelsOf(quadrant)).toEqual({ power, interest });
  });

  it('is drawn with the high-power row first and low interest on the left', () => {
    expect(QUADRANTS).toEqual(['keepSatisfied', 'manageClosely', 'monitor', 'keepInformed']);
  });

  it('sorts entries into quadrants, keeping their order', () => {
    const sorted = byQuadrant([
      ['a', place('high', 'high')],
      ['b', place('low', 'low')],
      ['c', place('high', 'high')],
    ]);
    expect(sorted.manageClosely.map(([id]) => id)).toEqual(['a', 'c']);
    expect(sorted.monitor.map(([id]) => id)).toEqual(['b']);
    expect(sorted.keepSatisfied).toEqual([]);
    expect(sorted.keepInformed).toEqual([]);
  });
});
