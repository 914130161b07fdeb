import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { setCaseStatus } from '../../db/cases';
import { errorText } from '../../i18n/errorText';
import { t } from '../../i18n/i18n';
import type { CaseStatus } from '../../model/caseFile';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';

interface Props {
  caseId: string;
  status: CaseStatus;
  openFollowUps: number;
}

/**
 * Closing a case, apart from the everyday buttons at the bottom of the case, in a quieter danger style: it asks
 * first and says what closing means (gone from the caseload, kept, can be reopened). Reopening asks nothing.
 */
export function CaseCloseSection({ caseId, status, openFollowUps }: Props) {
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const question = useRef<HTMLDivElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  // With the render, not a frame later: the button that had the focus is gone.
  useLayoutEffect(() => {
    if (asking) question.current?.focus();
    else if (returnFocus.current) closeButton.current?.focus();
    returnFocus.current = false;
  }, [asking]);

  const change = (next: CaseStatus) => {
    setError(null);
    void setCaseStatus(caseId, next)
      .then(() => setAsking(false))
      .catch(setError);
  };
  const cancel = () => {
    returnFocus.current = true;
    setAsking(false);
  };

  return (
    <section class="case-close no-print" aria-labelledby="case-close-title">
      <h2 id="case-close-title">{t('caseScreen.closeSection')}</h2>
      {error !== null && <Notice kind="error">{errorText(error)}</Notice>}
      {status === 'closed' ? (
        <Button onClick={() => change('open')}>{t('caseScreen.reopen')}</Button>
      ) : asking ? (
        <div class="case-close-question" role="group" aria-labelledby="case-close-question" tabIndex={-1} ref={question} data-testid="close-question">
          <h3 id="case-close-question">{t('caseScreen.closeConfirmTitle')}</h3>
          <p>{t('caseScreen.closeConfirmText')}</p>
          {openFollowUps > 0 && <p>{t('caseScreen.closeOpenFollowUps', { count: openFollowUps })}</p>}
          <div class="actions">
            <Button variant="danger" onClick={() => change('closed')}>
              {t('caseScreen.closeYes')}
            </Button>
            <Button onClick={cancel}>{t('common.cancel')}</Button>
          </div>
        </div>
      ) : (
        <button type="button" class="btn btn-quiet btn-quiet-danger" ref={closeButton} onClick={() => setAsking(true)}>
          {t('caseScreen.close')}
        </button>
      )}
    </section>
  );
}
