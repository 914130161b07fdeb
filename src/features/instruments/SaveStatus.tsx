import { errorText } from '../../i18n/errorText';
import { t } from '../../i18n/i18n';
import { Notice } from '../../ui/Notice';
import type { SaveState } from './useRunEditor';

/** Whether what was typed is on the device, in words; a failed save says why and that the text is still here. */
export function SaveStatus({ state, error }: { state: SaveState; error: unknown }) {
  return (
    <>
      <p role="status" class="save-state no-print" data-testid="save-state">
        {state === 'saved' ? t('instruments.run.saved') : state === 'saving' ? t('instruments.run.saving') : t('instruments.run.notSaved')}
      </p>
      {state === 'failed' && (
        <Notice kind="error">
          <p>{errorText(error)}</p>
          <p>{t('instruments.run.saveFailed')}</p>
        </Notice>
      )}
    </>
  );
}
