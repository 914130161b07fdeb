import { useState } from 'preact/hooks';
import { getCase } from '../../db/cases';
import { deleteDraft } from '../../db/drafts';
import { watch } from '../../db/live';
import { saveVisitNote } from '../../db/notes';
import { errorText, fieldProblemsOf, isQuotaExceeded, saveFailureText } from '../../i18n/errorText';
import { formatDateTime } from '../../i18n/format';
import { t } from '../../i18n/i18n';
import type { CaseFile } from '../../model/caseFile';
import { brusselsDay } from '../../model/dates';
import { plannedFollowUps } from '../../model/plannedFollowUps';
import { Button } from '../../ui/Button';
import { CheckQuestion } from '../../ui/CheckQuestion';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Link } from '../../ui/Link';
import { Notice } from '../../ui/Notice';
import { navigate } from '../../ui/router';
import { SubmitFailure } from '../../ui/SubmitFailure';
import { useCheckedSubmit } from '../../ui/useCheckedSubmit';
import { initials } from '../../model/initials';
import { useDiscreet } from '../../ui/discreet';
import { useWatched } from '../../ui/useWatched';
import { AfsprakenSection } from './AfsprakenSection';
import { ContextSection } from './ContextSection';
import { HulpvraagSection } from './HulpvraagSection';
import { ObservatiesSection } from './ObservatiesSection';
import { OpvolgingSection } from './OpvolgingSection';
import { AdminSection, SignalenSection } from './SignalenSection';
import { useVisitDraft } from './useVisitDraft';
import { visitErrors, visitFieldWords, visitWarnings } from './visitChecks';

const followUpTitles = () => ({
  nextContact: (type: string) => t('visit.planned.nextContact', { type: type ? t(`visit.planned.type.${type}` as 'visit.planned.type.phone') : '' }).trim(),
  referral: (partnerName: string) => t('visit.planned.referral', { partner: partnerName }),
  documents: t('visit.planned.documents'),
});

/** A new home-visit note, written in the Flemish visit structure and kept as a draft until saved. */
export function VisitNoteScreen({ caseId }: { caseId: string }) {
  // Live: on a fresh device the case may arrive a moment after the screen opens.
  const watched = useWatched<CaseFile | undefined>((next, fail) => watch(() => getCase(caseId), next, fail), [caseId]);
  const draft = useVisitDraft(caseId);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const discreet = useDiscreet();
  const body = draft.body;
  const form = useCheckedSubmit({
    values: body,
    errors: () => (body ? visitErrors(body) : []),
    warnings: () => (body ? visitWarnings(body, brusselsDay(new Date())) : []),
    save: async () => {
      if (!body) return;
      await draft.flush();
      await saveVisitNote({ caseId, body, followUps: plannedFollowUps(body, followUpTitles()), draftId: draft.draftId });
      draft.finish();
      navigate(`/dossiers/${caseId}`, { replace: true });
    },
    fieldErrorsOf: (error) => (body ? fieldProblemsOf(error, (path) => visitFieldWords(path, body)) : null),
  });

  if (watched.state === 'failed') return <Notice kind="error">{errorText(watched.error)}</Notice>;
  if (watched.state === 'ready' && !watched.value) return <Notice kind="warning">{t('caseScreen.notFound')}</Notice>;
  if (!body || watched.state !== 'ready' || !watched.value) return <p role="status">{t('common.loading')}</p>;
  const caseFile = watched.value;
  const at = form.at;

  const discard = async () => {
    draft.finish();
    // A draft that could not be removed stays listed on the case, where it can be thrown away again.
    await deleteDraft(draft.draftId).catch(() => {});
    navigate(`/dossiers/${caseId}`, { replace: true });
  };

  const saved = draft.state.kind === 'editing' ? draft.state : null;
  // In the discreet mode the sentences name the client by initials too.
  const label = discreet ? initials(caseFile.body.label) : caseFile.body.label;
  return (
    <form onSubmit={form.submit} noValidate>
      <p class="no-print">
        <Link href={`/dossiers/${caseId}`}>{t('visit.backToCase', { label })}</Link>
      </p>
      <h1>{t('visit.title')}</h1>
      <ErrorSummary title={t('formCheck.errorTitle')} items={form.errors} attempt={form.attempt} />
      <CheckQuestion
        title={t('formCheck.questionTitle')}
        intro={t('formCheck.questionIntro')}
        items={form.question}
        attempt={form.attempt}
        confirmLabel={t('formCheck.confirm')}
        onConfirm={form.confirm}
        busy={form.busy}
      />
      <p>{t('visit.forCase', { label })}</p>
      <p role="status" class="list-meta" data-testid="draft-status">
        {saved?.savedAt ? t('visit.draftSavedAt', { when: formatDateTime(saved.savedAt) }) : t('visit.draftNotYetSaved')}
      </p>
      {/* A failed save says it once, at the button; a full disk that also stopped the draft is part of that message. */}
      {saved?.saveError != null && form.failure === null && (
        <Notice kind="error">
          <p>{t('visit.draftSaveFailed')}</p>
          <p>{errorText(saved.saveError)}</p>
        </Notice>
      )}
      <ContextSection value={body.context} onChange={(context) => draft.update({ ...body, context })} at={at} />
      <HulpvraagSection value={body.hulpvraag} onChange={(hulpvraag) => draft.update({ ...body, hulpvraag })} at={at} />
      <ObservatiesSection value={body.observaties} onChange={(observaties) => draft.update({ ...body, observaties })} at={at} />
      <AfsprakenSection value={body.afspraken} onChange={(afspraken) => draft.update({ ...body, afspraken })} at={at} />
      <OpvolgingSection value={body.opvolging} onChange={(opvolging) => draft.update({ ...body, opvolging })} at={at} />
      <SignalenSection value={body.signalen} onChange={(signalen) => draft.update({ ...body, signalen })} at={at} />
      <AdminSection value={body.administratief} onChange={(administratief) => draft.update({ ...body, administratief })} at={at} />
      <div class="actions actions-sticky">
        {form.failure !== null && (
          // With a full disk the draft could not be written either: only the screen holds the text then.
          <SubmitFailure message={saveFailureText(form.failure)} kept={isQuotaExceeded(form.failure) ? t('formCheck.textKept') : t('visit.textIsKept')} attempt={form.attempt} />
        )}
        <Button variant="primary" type="submit" disabled={form.busy}>
          {t('visit.save')}
        </Button>
        {confirmDiscard ? (
          <>
            <span>{t('visit.discardConfirm')}</span>
            <Button variant="danger" onClick={() => void discard()}>
              {t('visit.discardYes')}
            </Button>
            <Button onClick={() => setConfirmDiscard(false)}>{t('common.cancel')}</Button>
          </>
        ) : (
          <Button variant="quiet" onClick={() => setConfirmDiscard(true)}>
            {t('visit.discard')}
          </Button>
        )}
      </div>
    </form>
  );
}
