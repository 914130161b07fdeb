import { ECO_GROUPS, type EcoPerson } from './instrumentRun';

type EcoGroup = EcoPerson['group'];

export interface Point {
  x: number;
  y: number;
}

export interface PlacedPerson extends Point {
  id: string;
}

export interface GroupLabel extends Point {
  group: EcoGroup;
  /** How the label's text hangs from its point: towards the centre, so it stays inside the picture. */
  anchor: 'start' | 'middle' | 'end';
}

export interface EcogramLayout {
  centre: Point;
  /** The radius of the outer ring of people, for the caller to size nodes and names. */
  radius: number;
  people: PlacedPerson[];
  groups: GroupLabel[];
}

/** Above this many people the circle alternates between two rings, so neighbours' names do not overlap. */
const ONE_RING_MAX = 10;
const round = (n: number) => Math.round(n * 10) / 10;

/**
 * Where to draw each person of an ecogram in a `width` × `height` picture: the client in the centre, everyone else
 * on a circle around them, each group in its own slice (in ECO_GROUPS order, clockwise from the top) sized by how
 * many people it holds, and a label per group between its slice and the edge. Pure, so it is tested as a table.
 */
export function ecogramLayout(people: ReadonlyArray<{ id: string; group: EcoGroup }>, width: number, height: number): EcogramLayout {
  const centre = { x: width / 2, y: height / 2 };
  const side = Math.min(width, height);
  const outer = side * 0.3;
  const inner = side * 0.19;
  // Group labels sit on an ellipse near the picture's edge and hang inwards, so wide labels stay inside it.
  const label = { x: width * 0.46, y: height * 0.45 };
  const twoRings = people.length > ONE_RING_MAX;
  const at = (rx: number, ry: number, angle: number): Point => ({
    x: round(centre.x + rx * Math.cos(angle)),
    y: round(centre.y + ry * Math.sin(angle)),
  });

  const placed: PlacedPerson[] = [];
  const groups: GroupLabel[] = [];
  const slice = (2 * Math.PI) / Math.max(people.length, 1);
  // The first person sits straight above the client, the rest follow clockwise.
  let start = -Math.PI / 2 - slice / 2;
  for (const group of ECO_GROUPS) {
    const members = people.filter((p) => p.group === group);
    if (members.length === 0) continue;
    for (const [i, p] of members.entries()) {
      const radius = twoRings && placed.length % 2 === 1 ? inner : outer;
      placed.push({ id: p.id, ...at(radius, radius, start + (i + 0.5) * slice) });
    }
    const middle = start + (members.length * slice) / 2;
    const cos = Math.cos(middle);
    groups.push({ group, ...at(label.x, label.y, middle), anchor: cos > 0.3 ? 'end' : cos < -0.3 ? 'start' : 'middle' });
    start += members.length * slice;
  }
  return { centre, radius: outer, people: placed, groups };
}

/** A zigzag between two points (how an ecogram draws a stressful tie), as SVG path data. */
export function zigzagPath(from: Point, to: Point, amplitude = 6, step = 12): string {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const length = Math.hypot(dx, dy);
  if (length === 0) return `M${round(from.x)} ${round(from.y)}`;
  const [ux, uy] = [dx / length, dy / length];
  const [nx, ny] = [-uy, ux];
  const steps = Math.max(2, Math.floor(length / step));
  const points: string[] = [`M${round(from.x)} ${round(from.y)}`];
  for (let i = 1; i < steps; i++) {
    const along = (i * length) / steps;
    const side = i % 2 === 1 ? amplitude : -amplitude;
    points.push(`L${round(from.x + ux * along + nx * side)} ${round(from.y + uy * along + ny * side)}`);
  }
  points.push(`L${round(to.x)} ${round(to.y)}`);
  return points.join(' ');
}

/** The point at `distance` from `from` towards `to`: lines start and end at the edge of a node, not its centre. */
export function towards(from: Point, to: Point, distance: number): Point {
  const length = Math.hypot(to.x - from.x, to.y - from.y);
  if (length === 0) return { ...from };
  return { x: round(from.x + ((to.x - from.x) * distance) / length), y: round(from.y + ((to.y - from.y) * distance) / length) };
}
