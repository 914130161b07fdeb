import { t } from '../i18n/i18n';
import { Button } from '../ui/Button';
import { Notice } from '../ui/Notice';

/**
 * Another tab opened a newer database version. This tab saved its drafts; while a form without a draft still
 * holds changes (`waitingForForm`) it keeps the database open so that form can be saved, then lets go.
 */
export function ClosedBanner({ waitingForForm }: { waitingForForm: boolean }) {
  if (waitingForForm) return <Notice kind="warning">{t('versionChange.saveFormFirst')}</Notice>;
  return (
    <Notice kind="warning">
      <p>{t('versionChange.message')}</p>
      <Button variant="primary" onClick={() => location.reload()}>
        {t('versionChange.reload')}
      </Button>
    </Notice>
  );
}
