import { useEffect, useState } from 'preact/hooks';
import { errorText } from '../i18n/errorText';
import { t } from '../i18n/i18n';
import { applyUpdate, onUpdateWaiting, updateWaiting } from '../pwa/updates';
import { Button } from '../ui/Button';
import { anyDirty, anyUnsaved, flushAll, onDirtyChange } from '../ui/dirtyEditors';
import { Notice } from '../ui/Notice';

/**
 * Offers a new version; never reloads by itself. While a note is being written it says the draft is kept,
 * and on "update" every draft is written to the device before the reload. A form without a draft (a dossier,
 * a partner) has to be saved or cancelled first: until then there is no update button.
 */
export function UpdateBanner() {
  const [waiting, setWaiting] = useState(updateWaiting());
  const [editing, setEditing] = useState({ dirty: anyDirty(), unsaved: anyUnsaved() });
  const [dismissed, setDismissed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => onUpdateWaiting(() => setWaiting(true)), []);
  useEffect(() => onDirtyChange(() => setEditing({ dirty: anyDirty(), unsaved: anyUnsaved() })), []);
  if (!waiting || dismissed) return null;

  const accept = async () => {
    setBusy(true);
    setError(null);
    try {
      await flushAll();
      await applyUpdate();
    } catch (e) {
      // The draft could not be written (a full disk, say): no reload, and the user is told why.
      setError(e);
      setBusy(false);
    }
  };
  const { dirty, unsaved } = editing;
  return (
    <div class="no-print" data-testid="update-banner">
      <Notice kind="info">
        <p>{unsaved ? t('update.saveFormFirst') : dirty ? t('update.availableWhileEditing') : t('update.available')}</p>
        {error !== null && <p>{errorText(error)}</p>}
        <div class="actions">
          {!unsaved && (
            <Button variant="primary" onClick={() => void accept()} disabled={busy}>
              {dirty ? t('update.saveAndUpdate') : t('update.updateNow')}
            </Button>
          )}
          <Button onClick={() => setDismissed(true)}>{t('update.later')}</Button>
        </div>
      </Notice>
    </div>
  );
}
