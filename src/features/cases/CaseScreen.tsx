import { compareCodeUnits } from '../../model/order';
import { useEffect, useState } from 'preact/hooks';
import { markCaseOpened } from '../../db/cases';
import { completeFollowUp, reopenFollowUp } from '../../db/followUps';
import { errorText } from '../../i18n/errorText';
import { formatDateTime, formatDay } from '../../i18n/format';
import { t } from '../../i18n/i18n';
import { brusselsDay } from '../../model/dates';
import { caseTimeline } from '../../model/caseTimeline';
import { followUpBucket, type FollowUp } from '../../model/followUp';
import { Button } from '../../ui/Button';
import { FollowUpRow } from '../../ui/FollowUpRow';
import { Link } from '../../ui/Link';
import { Notice } from '../../ui/Notice';
import { initials } from '../../model/initials';
import { ClientName } from '../../ui/ClientName';
import { followUpTitle } from '../../i18n/followUpTitles';
import { AddFollowUpForm } from './AddFollowUpForm';
import { CaseCloseSection } from './CaseCloseSection';
import { CaseInstruments } from './CaseInstruments';
import { NOTES_PER_PAGE, useCaseFile } from './useCaseFile';
import { NoteMarksLine } from './NoteMarksLine';
import { useNoteMarks } from './useNoteMarks';

/**
 * A dossier: its details, the draft in progress, what is still to do, and a timeline of visit notes and
 * follow-ups done, newest first, older notes on request.
 */
export function CaseScreen({ caseId }: { caseId: string }) {
  const [noteLimit, setNoteLimit] = useState(NOTES_PER_PAGE);
  const view = useCaseFile(caseId, noteLimit);
  const marks = useNoteMarks(caseId);
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const today = brusselsDay(new Date());

  useEffect(() => {
    void markCaseOpened(caseId).catch(() => {});
  }, [caseId]);

  if (view.state === 'loading') return <p role="status">{t('common.loading')}</p>;
  if (view.state === 'failed') return <Notice kind="error">{errorText(view.error)}</Notice>;
  const { caseFile, notes, olderNotes, followUps, draft } = view.value;
  if (!caseFile) return <Notice kind="warning">{t('caseScreen.notFound')}</Notice>;

  const toggle = (f: FollowUp) =>
    (f.status === 'done' ? reopenFollowUp(f.id) : completeFollowUp(f.id)).catch(setError);
  const open = followUps.filter((f) => f.status === 'open').sort((a, b) => compareCodeUnits(a.dueDate, b.dueDate));
  const timeline = caseTimeline(notes, followUps, !olderNotes);
  // One tap from the everyday buttons to what is still to do, without a history entry of its own.
  const toFollowUps = (e: MouseEvent) => {
    e.preventDefault();
    const heading = document.getElementById('case-followups');
    heading?.scrollIntoView({ block: 'start' });
    heading?.focus({ preventScroll: true });
  };
  // `doneDay`: on the timeline, the day it was done.
  const followUpRow = (f: FollowUp, doneDay?: string) => (
    <FollowUpRow
      key={f.id}
      title={followUpTitle(f.body)}
      meta={[formatDay(f.dueDate), f.body.who, doneDay ? t('caseScreen.doneOn', { date: formatDay(doneDay) }) : '']
        .filter(Boolean)
        .join(' · ')}
      badge={followUpBucket(f, today) === 'overdue' ? t('followUps.overdueBadge') : undefined}
      done={f.status === 'done'}
      toggleLabel={f.status === 'done' ? t('followUps.reopen') : t('followUps.markDone')}
      onToggle={() => void toggle(f)}
    />
  );

  return (
    <>
      <p class="no-print">
        <Link href="/">{t('common.backToCaseload')}</Link>
      </p>
      <h1>
        <ClientName name={caseFile.body.label} short={initials(caseFile.body.label)} revealLabel={t('discreet.reveal')} />
      </h1>
      {caseFile.status === 'closed' && <Notice kind="info">{t('caseScreen.closed')}</Notice>}
      <dl class="kv">
        {caseFile.body.address && (
          <>
            <dt>{t('caseForm.address')}</dt>
            <dd>{caseFile.body.address}</dd>
          </>
        )}
        {caseFile.body.phone && (
          <>
            <dt>{t('caseForm.phone')}</dt>
            <dd>{caseFile.body.phone}</dd>
          </>
        )}
        {caseFile.body.household && (
          <>
            <dt>{t('caseForm.household')}</dt>
            <dd>{caseFile.body.household}</dd>
          </>
        )}
      </dl>
      {draft && (
        <Notice kind="warning">
          <p>{t('caseScreen.draftWaiting', { when: formatDateTime(draft.updatedAt) })}</p>
          <Link class="btn btn-secondary" href={`/dossiers/${caseId}/bezoek`}>
            {t('caseScreen.continueDraft')}
          </Link>
        </Notice>
      )}
      <div class="actions no-print">
        <Link class="btn btn-primary" href={`/dossiers/${caseId}/bezoek`}>
          {t('caseScreen.newVisitNote')}
        </Link>
        <Button onClick={() => setAdding(true)}>{t('caseScreen.addFollowUp')}</Button>
        <Link class="btn btn-secondary" href={`/dossiers/${caseId}/bewerken`}>
          {t('caseScreen.edit')}
        </Link>
        {open.length > 0 && (
          <a class="btn btn-quiet" href="#case-followups" onClick={toFollowUps} data-testid="open-follow-ups">
            {t('caseScreen.openFollowUps', { count: open.length })}
          </a>
        )}
      </div>
      {error !== null && <Notice kind="error">{errorText(error)}</Notice>}
      {adding && <AddFollowUpForm caseId={caseId} onDone={() => setAdding(false)} />}

      <h2 id="case-followups" tabIndex={-1}>
        {t('caseScreen.followUps')}
      </h2>
      {open.length === 0 ? <p class="empty">{t('caseScreen.noFollowUps')}</p> : <ul class="list">{open.map((f) => followUpRow(f))}</ul>}

      <h2>{t('caseScreen.timeline')}</h2>
      {timeline.length === 0 ? (
        <p class="empty">{t('caseScreen.noHistory')}</p>
      ) : (
        <ul class="list" data-testid="timeline">
          {timeline.map((item) =>
            item.kind === 'followUp' ? (
              followUpRow(item.followUp, item.day)
            ) : (
              <li key={item.note.id}>
                <Link class="list-link" href={`/notities/${item.note.id}`}>
                  <span class="list-title">{t('caseScreen.noteOf', { date: formatDay(item.note.date, 'long') })}</span>
                  <span class="list-meta">{item.note.body.context.reason || item.note.body.hulpvraag.ownWords || t('caseScreen.noReason')}</span>
                  <NoteMarksLine unsent={marks.unsent.has(item.note.id)} addenda={marks.addenda.get(item.note.id) ?? 0} />
                </Link>
              </li>
            ),
          )}
        </ul>
      )}
      {olderNotes && (
        <div class="actions no-print">
          <Button onClick={() => setNoteLimit(noteLimit + NOTES_PER_PAGE)}>{t('caseScreen.olderNotes')}</Button>
        </div>
      )}

      <CaseInstruments caseId={caseId} />

      <CaseCloseSection caseId={caseId} status={caseFile.status} openFollowUps={open.length} />
    </>
  );
}
