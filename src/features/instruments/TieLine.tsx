import type { EcoPerson } from '../../model/instrumentRun';
import { zigzagPath, type Point } from '../../model/ecogramLayout';

/**
 * A tie drawn the usual ecogram way, told apart by shape (never by colour alone): thick, ordinary, dotted,
 * zigzag for stress, and a line crossed by two strokes for a broken contact.
 */
export function TieLine({ from, to, tie, scale = 1 }: { from: Point; to: Point; tie: EcoPerson['tie']; scale?: number }) {
  const width = (tie === 'strong' ? 6 : 2.5) * scale;
  const common = { stroke: 'currentColor', 'stroke-width': width, fill: 'none', 'stroke-linecap': 'round' as const };
  if (tie === 'stressful') return <path d={zigzagPath(from, to, 6 * scale, 12 * scale)} {...common} />;
  const line = <line x1={from.x} y1={from.y} x2={to.x} y2={to.y} {...common} stroke-dasharray={tie === 'weak' ? `${0.5 * scale} ${7 * scale}` : undefined} />;
  if (tie !== 'broken') return line;
  // Two short strokes across the middle of the line.
  const length = Math.hypot(to.x - from.x, to.y - from.y) || 1;
  const [ux, uy] = [(to.x - from.x) / length, (to.y - from.y) / length];
  const [nx, ny] = [-uy * 9 * scale, ux * 9 * scale];
  const mid = { x: (from.x + to.x) / 2, y: (from.y + to.y) / 2 };
  const bar = (offset: number) => {
    const c = { x: mid.x + ux * offset * scale, y: mid.y + uy * offset * scale };
    return <line x1={c.x - nx} y1={c.y - ny} x2={c.x + nx} y2={c.y + ny} {...common} />;
  };
  return (
    <g>
      {line}
      {bar(-4)}
      {bar(4)}
    </g>
  );
}
