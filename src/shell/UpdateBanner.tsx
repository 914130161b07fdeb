import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n/i18n';
import { applyUpdate, onUpdateWaiting, updateWaiting } from '../pwa/updates';
import { Button } from '../ui/Button';
import { anyDirty, flushAll, onDirtyChange } from '../ui/dirtyEditors';
import { Notice } from '../ui/Notice';

/**
 * Offers a new version; never reloads by itself. While a note is being written it says the draft is kept,
 * and on "update" every draft is written to the device before the reload.
 */
export function UpdateBanner() {
  const [waiting, setWaiting] = useState(updateWaiting());
  const [dirty, setDirty] = useState(anyDirty());
  const [dismissed, setDismissed] = useState(false);
  const [busy, setBusy] = useState(false);
  useEffect(() => onUpdateWaiting(() => setWaiting(true)), []);
  useEffect(() => onDirtyChange(() => setDirty(anyDirty())), []);
  if (!waiting || dismissed) return null;

  const accept = async () => {
    setBusy(true);
    await flushAll();
    await applyUpdate();
  };
  return (
    <div class="no-print" data-testid="update-banner">
      <Notice kind="info">
        <p>{dirty ? t('update.availableWhileEditing') : t('update.available')}</p>
        <div class="actions">
          <Button variant="primary" onClick={() => void accept()} disabled={busy}>
            {dirty ? t('update.saveAndUpdate') : t('update.updateNow')}
          </Button>
          <Button onClick={() => setDismissed(true)}>{t('update.later')}</Button>
        </div>
      </Notice>
    </div>
  );
}
