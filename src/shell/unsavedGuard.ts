import { t } from '../i18n/i18n';
import { anyUnsaved } from '../ui/dirtyEditors';
import { setLeaveGuard } from '../ui/router';

/**
 * Leaving a form whose changes exist only on screen asks first: a link or button in the app, the back and
 * forward buttons, a reload or closing the tab. Editors with a draft need no question: their text is stored.
 */
export function guardUnsavedForms(): void {
  setLeaveGuard(() => !anyUnsaved() || confirm(t('form.leaveUnsaved')));
  addEventListener('beforeunload', (e) => {
    if (anyUnsaved()) e.preventDefault();
  });
}
