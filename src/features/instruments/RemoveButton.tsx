import { useState } from 'preact/hooks';
import { t } from '../../i18n/i18n';
import { Button } from '../../ui/Button';

/** Remove, with a second tap to confirm: at a kitchen table a stray tap must not take someone off the drawing. */
export function RemoveButton({ label, onRemove }: { label: string; onRemove: () => void }) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <Button variant="quiet" aria-label={label} onClick={() => setAsking(true)}>
        {t('instruments.remove')}
      </Button>
    );
  }
  return (
    <span class="confirm" role="group" aria-label={label}>
      <span>{t('instruments.removeConfirm')}</span>
      <Button variant="danger" onClick={onRemove}>
        {t('instruments.removeYes')}
      </Button>
      <Button onClick={() => setAsking(false)}>{t('common.cancel')}</Button>
    </span>
  );
}
