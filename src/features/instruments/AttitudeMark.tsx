import type { Attitude } from '../../model/instrumentRun';
import { attitudeLabel } from './instrumentText';

/** A shape per attitude, so it shows in black and white and to someone who does not see colour; words come along. */
const SHAPES: Record<Attitude | 'unknown', string> = { supports: '+', neutral: '=', critical: '−', unknown: '?' };

/** How someone stands towards the plan: a small shape and the word ("steunt", "staat kritisch"). */
export function AttitudeMark({ attitude }: { attitude: Attitude | 'unknown' }) {
  return (
    <span class={`attitude attitude-${attitude}`} data-attitude={attitude}>
      <span class="attitude-shape" aria-hidden="true">
        {SHAPES[attitude]}
      </span>
      <span class="attitude-word">{attitudeLabel(attitude)}</span>
    </span>
  );
}
