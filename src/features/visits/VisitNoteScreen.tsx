import { useState } from 'preact/hooks';
import { getCase } from '../../db/cases';
import { deleteDraft } from '../../db/drafts';
import { watch } from '../../db/live';
import { saveVisitNote } from '../../db/notes';
import { errorText, problemsByPath } from '../../i18n/errorText';
import { formatDateTime } from '../../i18n/format';
import { t } from '../../i18n/i18n';
import { AppError } from '../../model/appError';
import type { CaseFile } from '../../model/caseFile';
import { plannedFollowUps } from '../../model/plannedFollowUps';
import { Button } from '../../ui/Button';
import { Link } from '../../ui/Link';
import { Notice } from '../../ui/Notice';
import { navigate } from '../../ui/router';
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
  const [error, setError] = useState<unknown>(null);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const [busy, setBusy] = useState(false);
  const discreet = useDiscreet();

  if (watched.state === 'failed') return <Notice kind="error">{errorText(watched.error)}</Notice>;
  if (watched.state === 'ready' && !watched.value) return <Notice kind="warning">{t('caseScreen.notFound')}</Notice>;
  if (!draft.body || watched.state !== 'ready' || !watched.value) return <p role="status">{t('common.loading')}</p>;
  const caseFile = watched.value;
  const body = draft.body;
  const problems = problemsByPath(error);

  const save = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    try {
      await draft.flush();
      await saveVisitNote({ caseId, body, followUps: plannedFollowUps(body, followUpTitles()), draftId: draft.draftId });
      draft.finish();
      navigate(`/dossiers/${caseId}`, { replace: true });
    } catch (err) {
      // The text stays on screen and in the draft; the message says what to do.
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const discard = async () => {
    draft.finish();
    await deleteDraft(draft.draftId).catch(setError);
    navigate(`/dossiers/${caseId}`, { replace: true });
  };

  const saved = draft.state.kind === 'editing' ? draft.state : null;
  // In the discreet mode the sentences name the client by initials too.
  const label = discreet ? initials(caseFile.body.label) : caseFile.body.label;
  return (
    <form onSubmit={save} noValidate>
      <p class="no-print">
        <Link href={`/dossiers/${caseId}`}>{t('visit.backToCase', { label })}</Link>
      </p>
      <h1>{t('visit.title')}</h1>
      <p>{t('visit.forCase', { label })}</p>
      <p role="status" class="list-meta" data-testid="draft-status">
        {saved?.savedAt ? t('visit.draftSavedAt', { when: formatDateTime(saved.savedAt) }) : t('visit.draftNotYetSaved')}
      </p>
      {saved?.saveError != null && (
        <Notice kind="error">
          <p>{t('visit.draftSaveFailed')}</p>
          <p>{errorText(saved.saveError)}</p>
        </Notice>
      )}
      <ContextSection value={body.context} onChange={(context) => draft.update({ ...body, context })} problems={problems} />
      <HulpvraagSection value={body.hulpvraag} onChange={(hulpvraag) => draft.update({ ...body, hulpvraag })} problems={problems} />
      <ObservatiesSection value={body.observaties} onChange={(observaties) => draft.update({ ...body, observaties })} problems={problems} />
      <AfsprakenSection value={body.afspraken} onChange={(afspraken) => draft.update({ ...body, afspraken })} problems={problems} />
      <OpvolgingSection value={body.opvolging} onChange={(opvolging) => draft.update({ ...body, opvolging })} problems={problems} />
      <SignalenSection value={body.signalen} onChange={(signalen) => draft.update({ ...body, signalen })} problems={problems} />
      <AdminSection value={body.administratief} onChange={(administratief) => draft.update({ ...body, administratief })} problems={problems} />
      {error !== null && (
        <Notice kind="error">
          <p>{errorText(error)}</p>
          {/* With a full disk the draft could not be written either; the quota message says what to do instead. */}
          {!(error instanceof AppError && error.code === 'quotaExceeded') && <p>{t('visit.textIsKept')}</p>}
        </Notice>
      )}
      <div class="actions actions-sticky">
        <Button variant="primary" type="submit" disabled={busy}>
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
