import { t } from '../i18n/i18n';
import { Button } from '../ui/Button';
import { Notice } from '../ui/Notice';

/** Shown when another tab opened a newer database version: this tab's drafts were saved, then it let go. */
export function ClosedBanner() {
  return (
    <Notice kind="warning">
      <p>{t('versionChange.message')}</p>
      <Button variant="primary" onClick={() => location.reload()}>
        {t('versionChange.reload')}
      </Button>
    </Notice>
  );
}
