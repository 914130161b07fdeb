import type { ComponentChildren } from 'preact';
import { Button } from './Button';

interface Props {
  title: string;
  /** Due date and who, already formatted. */
  meta: string;
  /** Where it belongs (a link to its case), after the meta line's words. */
  context?: ComponentChildren;
  /** A word for the state (e.g. "Te laat"), shown beside the title, never colour alone. */
  badge?: string;
  done: boolean;
  toggleLabel: string;
  onToggle: () => void;
}

export function FollowUpRow({ title, meta, context, badge, done, toggleLabel, onToggle }: Props) {
  return (
    <li class={`followup ${done ? 'followup-done' : ''}`}>
      <div>
        <div>
          <span class="followup-title">{title}</span> {badge && <span class="badge badge-overdue">{badge}</span>}
        </div>
        <div class="list-meta">
          {meta}
          {context && <> · {context}</>}
        </div>
      </div>
      <Button variant={done ? 'quiet' : 'secondary'} onClick={onToggle}>
        {toggleLabel}
      </Button>
    </li>
  );
}
