import { describe, expect, it } from 'vitest';
import { ecogramLayout, towards, zigzagPath } from '../../../src/model/ecogramLayout';
import type { EcoPerson } from '../../../src/model/instrumentRun';

type Group = EcoPerson['group'];
const people = (...groups: Group[]) => groups.map((group, i) => ({ id: `p${i}`, group }));
const distance = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.round(Math.hypot(a.x - b.x, a.y - b.y));

// A 100 × 100 picture: centre (50, 50), people on a circle of radius 30, group labels on an ellipse near the edge.
describe('ecogram layout', () => {
  it.each([
    ['one person sits straight above the client', people('family'), [{ id: 'p0', x: 50, y: 20 }]],
    [
      'four people of four groups sit clockwise from the top, in group order',
      people('household', 'family', 'friends', 'neighbours'),
      [
        { id: 'p0', x: 50, y: 20 },
        { id: 'p1', x: 80, y: 50 },
        { id: 'p2', x: 50, y: 80 },
        { id: 'p3', x: 20, y: 50 },
      ],
    ],
    [
      'people of one group sit next to each other, whatever order they were added in',
      people('professionals', 'household', 'professionals'),
      [
        { id: 'p1', x: 50, y: 20 },
        { id: 'p0', x: 76, y: 65 },
        { id: 'p2', x: 24, y: 65 },
      ],
    ],
  ])('%s', (_, input, expected) => {
    expect(ecogramLayout(input, 100, 100).people).toEqual(expected);
  });

  it('has the client in the centre and nobody on top of anyone else', () => {
    const layout = ecogramLayout(people('family', 'family', 'friends', 'neighbours', 'professionals', 'other'), 800, 640);
    expect(layout.centre).toEqual({ x: 400, y: 320 });
    const spots = new Set(layout.people.map((p) => `${p.x},${p.y}`));
    expect(spots.size).toBe(6);
    for (const p of layout.people) expect(distance(p, layout.centre)).toBe(192);
  });

  it('labels each group present once, hanging its text towards the centre', () => {
    const layout = ecogramLayout(people('household', 'family', 'family', 'friends'), 100, 100);
    expect(layout.groups.map((g) => [g.group, g.anchor])).toEqual([
      ['household', 'middle'],
      ['family', 'end'],
      ['friends', 'start'],
    ]);
  });

  it('uses two rings when there are many people, so names do not overlap', () => {
    const layout = ecogramLayout(people(...Array<Group>(12).fill('friends')), 100, 100);
    expect(new Set(layout.people.map((p) => distance(p, layout.centre)))).toEqual(new Set([30, 19]));
  });

  it('draws an empty ecogram as the client alone', () => {
    expect(ecogramLayout([], 100, 100)).toEqual({ centre: { x: 50, y: 50 }, radius: 30, people: [], groups: [] });
  });
});

describe('tie geometry', () => {
  it.each([
    [{ x: 0, y: 0 }, { x: 10, y: 0 }, 4, { x: 4, y: 0 }],
    [{ x: 0, y: 0 }, { x: 0, y: -10 }, 5, { x: 0, y: -5 }],
    [{ x: 3, y: 3 }, { x: 3, y: 3 }, 5, { x: 3, y: 3 }],
  ])('towards(%j, %j, %i) = %j', (from, to, d, expected) => {
    expect(towards(from, to, d)).toEqual(expected);
  });

  it('draws a stressful tie as a zigzag from one end to the other', () => {
    expect(zigzagPath({ x: 0, y: 0 }, { x: 36, y: 0 }, 6, 12)).toBe('M0 0 L12 6 L24 -6 L36 0');
  });
});
