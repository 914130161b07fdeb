import { useLayoutEffect, useRef } from 'preact/hooks';
import { Button } from './Button';
import { FieldLinks } from './FieldLinks';
import type { FieldMessage } from './fieldMessages';

interface Props {
  /** "Klopt dit?" */
  title: string;
  /** What to do: look again, or save as it is. */
  intro: string;
  items: FieldMessage[];
  /** Counts the tries to save: each try that raises the question brings the focus here. */
  attempt: number;
  confirmLabel: string;
  onConfirm: () => void;
  busy?: boolean;
  /** The heading's level: under the form's own heading. */
  level?: 2 | 3 | 4;
}

/**
 * Values that look like a slip, asked about once before saving, in the error summary's place and shape but as a
 * question: each item links to its field, and one button saves what is there. The form hides it as soon as a
 * value changes.
 */
export function CheckQuestion({ title, intro, items, attempt, confirmLabel, onConfirm, busy, level = 2 }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const shown = items.length > 0;
  // Before the frame is painted, not after it: a screen reader hears it at once, and nothing else can take the
  // focus in between (a test, or a tap, that comes right after the paint).
  useLayoutEffect(() => {
    if (shown) ref.current?.focus();
  }, [shown, attempt]);
  if (!shown) return null;
  const Heading = level === 2 ? 'h2' : level === 3 ? 'h3' : 'h4';
  return (
    <div ref={ref} tabIndex={-1} class="form-summary form-summary-question" data-testid="check-question">
      <div role="alert">
        <Heading class="form-summary-title">{title}</Heading>
        <p>{intro}</p>
        <FieldLinks items={items} />
      </div>
      <div class="actions">
        <Button variant="primary" onClick={onConfirm} disabled={busy}>
          {confirmLabel}
        </Button>
      </div>
    </div>
  );
}
