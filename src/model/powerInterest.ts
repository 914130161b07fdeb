import type { GridPlacement } from './instrumentRun';

/**
 * The four quadrants of a power–interest grid, in the order the grid is drawn and read: the high-power row first,
 * low interest on the left. Each says how to deal with whoever sits in it.
 */
export const QUADRANTS = ['keepSatisfied', 'manageClosely', 'monitor', 'keepInformed'] as const;
export type Quadrant = (typeof QUADRANTS)[number];

export function quadrantOf(placement: Pick<GridPlacement, 'power' | 'interest'>): Quadrant {
  if (placement.power === 'high') return placement.interest === 'high' ? 'manageClosely' : 'keepSatisfied';
  return placement.interest === 'high' ? 'keepInformed' : 'monitor';
}

/** The power and interest a quadrant stands for (the inverse of quadrantOf). */
export function levelsOf(quadrant: Quadrant): Pick<GridPlacement, 'power' | 'interest'> {
  const power = quadrant === 'manageClosely' || quadrant === 'keepSatisfied' ? 'high' : 'low';
  const interest = quadrant === 'manageClosely' || quadrant === 'keepInformed' ? 'high' : 'low';
  return { power, interest };
}

/** Entries sorted into their quadrants, each quadrant keeping the order it was given. */
export function byQuadrant<T extends Pick<GridPlacement, 'power' | 'interest'>>(entries: ReadonlyArray<[string, T]>): Record<Quadrant, Array<[string, T]>> {
  const out: Record<Quadrant, Array<[string, T]>> = { keepSatisfied: [], manageClosely: [], monitor: [], keepInformed: [] };
  for (const entry of entries) out[quadrantOf(entry[1])].push(entry);
  return out;
}
