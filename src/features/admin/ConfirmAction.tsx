import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../i18n/i18n';
import { Button } from '../../ui/Button';

interface Props {
  label: string;
  /** What will happen, in one or two sentences, asked before anything is sent. */
  question: string;
  confirmLabel: string;
  danger?: boolean;
  disabled?: boolean;
  onConfirm: () => void;
}

/**
 * A button for a change with consequences: it first asks, in place and in words, what will happen; only the
 * second, explicit button does it. The focus moves to the question and back to the button on cancel.
 */
export function ConfirmAction({ label, question, confirmLabel, danger = false, disabled = false, onConfirm }: Props) {
  const [asking, setAsking] = useState(false);
  const panel = useRef<HTMLDivElement>(null);
  const start = useRef<HTMLDivElement>(null);
  const cancelled = useRef(false);
  useEffect(() => {
    if (asking) panel.current?.focus();
    else if (cancelled.current) start.current?.querySelector('button')?.focus();
  }, [asking]);
  if (!asking) {
    return (
      <div ref={start} class="confirm-start">
        <Button variant={danger ? 'danger' : 'secondary'} disabled={disabled} onClick={() => setAsking(true)}>
          {label}
        </Button>
      </div>
    );
  }
  return (
    <div ref={panel} class="confirm" role="group" aria-label={label} tabIndex={-1}>
      <p>{question}</p>
      <div class="actions">
        <Button
          variant={danger ? 'danger' : 'primary'}
          disabled={disabled}
          onClick={() => {
            setAsking(false);
            onConfirm();
          }}
        >
          {confirmLabel}
        </Button>
        <Button
          onClick={() => {
            cancelled.current = true;
            setAsking(false);
          }}
        >
          {t('admin.cancel')}
        </Button>
      </div>
    </div>
  );
}
