import { getCase } from '../../db/cases';
import { watch } from '../../db/live';
import { getMeta } from '../../db/meta';
import { addendaOfNotes, unsentNoteIds } from '../../db/noteAddenda';
import { getNote } from '../../db/notes';
import { errorText } from '../../i18n/errorText';
import { formatDay } from '../../i18n/format';
import { t } from '../../i18n/i18n';
import type { CaseFile } from '../../model/caseFile';
import type { NoteAddendum } from '../../model/noteAddendum';
import { LIFE_DOMAINS } from '../../model/themes';
import type { VisitNote } from '../../model/visitNote';
import { Button } from '../../ui/Button';
import { Link } from '../../ui/Link';
import { initials } from '../../model/initials';
import { ClientName } from '../../ui/ClientName';
import { useDiscreet } from '../../ui/discreet';
import { Notice } from '../../ui/Notice';
import { useWatched } from '../../ui/useWatched';
import { NoteAddenda } from './NoteAddenda';
import { NoteSection as Section, type Pair } from './NoteSection';

interface NoteView {
  note?: VisitNote;
  caseFile?: CaseFile;
  addenda: NoteAddendum[];
  unsent: Set<string>;
  orgName: string;
}

const CONTACT_TYPE = { homeVisit: 'visit.opvolging.typeHomeVisit', office: 'visit.opvolging.typeOffice', phone: 'visit.opvolging.typePhone' } as const;

/**
 * A saved visit note, read-only and printable on A4, with its aanvullingen en rechtzettingen under it. A note
 * still waiting in the outbox says so. On paper every page carries the organisation and "Vertrouwelijk" (a
 * running header, app.css) and its number (a page margin box).
 */
export function NoteScreen({ noteId }: { noteId: string }) {
  const discreet = useDiscreet();
  const data = useWatched<NoteView>(
    (next, fail) =>
      watch(
        async () => {
          // The plaintext reads first, then the ones that open sealed rows (db/sealing.ts keepObserving).
          const [unsent, orgName] = await Promise.all([unsentNoteIds(), getMeta<string>('orgName')]);
          const note = await getNote(noteId);
          const addenda = note ? ((await addendaOfNotes(note.caseId, [note.id])).get(note.id) ?? []) : [];
          return { note, caseFile: note ? await getCase(note.caseId) : undefined, addenda, unsent, orgName: orgName ?? '' };
        },
        next,
        fail,
      ),
    [noteId],
  );
  if (data.state === 'loading') return <p role="status">{t('common.loading')}</p>;
  if (data.state === 'failed') return <Notice kind="error">{errorText(data.error)}</Notice>;
  const { note, caseFile, addenda, unsent, orgName } = data.value;
  if (!note) return <Notice kind="warning">{t('note.notFound')}</Notice>;
  const b = note.body;
  const choice = (prefix: string, v: string) => (v ? t(`${prefix}.${v}` as 'common.choose') : '');
  const contactType = b.opvolging.nextContactType;

  return (
    <article class="note-view">
      <div class="print-running print-head" data-testid="print-head">
        {orgName && <span>{orgName}</span>}
        <strong>{t('note.confidential')}</strong>
      </div>
      <p class="no-print">
        <Link href={`/dossiers/${note.caseId}`}>{t('visit.backToCase', { label: discreet ? initials(caseFile?.body.label ?? '') : (caseFile?.body.label ?? '') })}</Link>
      </p>
      <h1>{t('note.title', { date: formatDay(note.date, 'long') })}</h1>
      {unsent.has(note.id) && (
        <p data-testid="note-unsent">
          <span class="badge badge-unsent">{t('note.unsent')}</span> <span class="list-meta">{t('note.unsentExplained')}</span>
        </p>
      )}
      <p>{caseFile && <ClientName name={caseFile.body.label} short={initials(caseFile.body.label)} />}</p>
      <div class="actions no-print">
        <Button onClick={() => print()}>{t('common.print')}</Button>
      </div>
      <Section
        title={t('visit.context.legend')}
        pairs={[
          [t('visit.context.startTime'), [b.context.startTime, b.context.endTime].filter(Boolean).join(' – ')],
          [t('visit.context.place'), b.context.place],
          [t('visit.context.announced'), choice('note.announced', b.context.announced)],
          [t('visit.context.visitType'), choice('note.visitType', b.context.visitType)],
          [t('visit.context.present'), b.context.present],
          [t('visit.context.interpreter'), b.context.interpreter ? t('common.yes') : ''],
          [t('visit.context.reason'), b.context.reason],
        ]}
      />
      <Section
        title={t('visit.hulpvraag.legend')}
        pairs={[
          [t('visit.hulpvraag.ownWords'), b.hulpvraag.ownWords],
          [t('visit.hulpvraag.askedBy'), choice('note.askedBy', b.hulpvraag.askedBy)],
          ...LIFE_DOMAINS.map((d): Pair => [t(`themes.${d}`), b.hulpvraag.domains[d]]),
        ]}
      />
      <Section
        title={t('visit.observaties.legend')}
        pairs={[
          [t('visit.observaties.facts'), b.observaties.facts],
          [t('visit.observaties.interpretation'), b.observaties.interpretation],
          [t('visit.observaties.strengths'), b.observaties.strengths],
        ]}
      />
      <Section
        title={t('visit.afspraken.legend')}
        pairs={b.afspraken.map((a, i): Pair => [
          t('visit.afspraken.number', { n: i + 1 }),
          [a.what, [a.who, a.due ? formatDay(a.due) : ''].filter(Boolean).join(' · ')].filter(Boolean).join('\n'),
        ])}
      />
      <Section
        title={t('visit.opvolging.legend')}
        pairs={[
          [t('visit.opvolging.nextDate'), b.opvolging.nextContactDate ? formatDay(b.opvolging.nextContactDate) : ''],
          [t('visit.opvolging.nextType'), contactType ? t(CONTACT_TYPE[contactType]) : ''],
          ...b.opvolging.referrals.map((r): Pair => [t('note.referralTo', { partner: r.partnerName }), r.reason || '—']),
          [t('visit.opvolging.documents'), b.opvolging.documents],
        ]}
      />
      <Section
        title={t('visit.signalen.legend')}
        pairs={[
          [t('visit.signalen.rightsNotUsed'), b.signalen.rightsNotUsed],
          [t('visit.signalen.safety'), b.signalen.safety],
          [t('visit.signalen.structural'), b.signalen.structural],
        ]}
      />
      <Section
        title={t('visit.admin.legend')}
        pairs={[
          [t('visit.admin.author'), [b.administratief.author, b.administratief.role].filter(Boolean).join(', ')],
          [t('visit.admin.shareable'), b.administratief.shareable],
        ]}
      />
      <NoteAddenda noteId={note.id} addenda={addenda} unsent={unsent} />
    </article>
  );
}
