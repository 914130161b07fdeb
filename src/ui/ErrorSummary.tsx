import { useLayoutEffect, useRef } from 'preact/hooks';
import { FieldLinks } from './FieldLinks';
import type { FieldMessage } from './fieldMessages';

interface Props {
  /** "Er is een probleem". */
  title: string;
  items: FieldMessage[];
  /** Counts the tries to save: every refused try brings the focus back here, also with the same messages. */
  attempt?: number;
  /** The heading's level: under the form's own heading. */
  level?: 2 | 3 | 4;
}

/**
 * The GOV.UK error summary at the top of a form: what stops the save, each message a link to its field (where the
 * same message stands under the label). It takes the focus when a save is refused, so a keyboard or screen-reader
 * user, and someone with a long form on a tablet, starts from what to fix instead of a button at the bottom.
 */
export function ErrorSummary({ title, items, attempt, level = 2 }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const shown = items.length > 0;
  const words = items.map((item) => item.message).join('\n');
  // Before the frame is painted, not after it: a screen reader hears it at once, and nothing else can take the
  // focus in between (a test, or a tap, that comes right after the paint).
  useLayoutEffect(() => {
    if (shown) ref.current?.focus();
  }, [shown, attempt, words]);
  if (!shown) return null;
  const Heading = level === 2 ? 'h2' : level === 3 ? 'h3' : 'h4';
  return (
    <div ref={ref} tabIndex={-1} class="form-summary form-summary-error" data-testid="error-summary">
      <div role="alert">
        <Heading class="form-summary-title">{title}</Heading>
        <FieldLinks items={items} />
      </div>
    </div>
  );
}
