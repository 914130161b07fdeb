import { useEffect, useRef } from 'preact/hooks';
import { t } from '../../i18n/i18n';
import { Notice } from '../../ui/Notice';

/**
 * The summary at the top of a form: every problem in one list, each also shown under its field. It takes the
 * focus when it appears, so a keyboard or screen-reader user starts from what to fix.
 */
export function FormErrors({ messages }: { messages: string[] }) {
  const ref = useRef<HTMLDivElement>(null);
  const shown = messages.length > 0;
  useEffect(() => {
    if (shown) ref.current?.focus();
  }, [shown, messages.join('\n')]);
  if (!shown) return null;
  return (
    <div ref={ref} tabIndex={-1} class="form-errors">
      <Notice kind="error">
        <p>{t('admin.summary')}</p>
        <ul>
          {messages.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      </Notice>
    </div>
  );
}
