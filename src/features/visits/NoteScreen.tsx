import { Fragment } from 'preact';
import { getCase } from '../../db/cases';
import { watch } from '../../db/live';
import { getNote } from '../../db/notes';
import { errorText } from '../../i18n/errorText';
import { formatDay } from '../../i18n/format';
import { t } from '../../i18n/i18n';
import type { CaseFile } from '../../model/caseFile';
import { LIFE_DOMAINS } from '../../model/themes';
import type { VisitNote } from '../../model/visitNote';
import { Button } from '../../ui/Button';
import { Link } from '../../ui/Link';
import { initials } from '../../model/initials';
import { ClientName } from '../../ui/ClientName';
import { useDiscreet } from '../../ui/discreet';
import { Notice } from '../../ui/Notice';
import { useWatched } from '../../ui/useWatched';

type Pair = [label: string, value: string];

function Section({ title, pairs }: { title: string; pairs: Pair[] }) {
  const filled = pairs.filter(([, v]) => v.trim() !== '');
  if (filled.length === 0) return null;
  return (
    <section>
      <h2>{title}</h2>
      <dl class="kv">
        {filled.map(([label, value]) => (
          <Fragment key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </Fragment>
        ))}
      </dl>
    </section>
  );
}

/** A saved visit note, read-only and printable on A4. */
export function NoteScreen({ noteId }: { noteId: string }) {
  const discreet = useDiscreet();
  const data = useWatched<{ note?: VisitNote; caseFile?: CaseFile }>(
    (next, fail) =>
      watch(
        async () => {
          const note = await getNote(noteId);
          return { note, caseFile: note ? await getCase(note.caseId) : undefined };
        },
        next,
        fail,
      ),
    [noteId],
  );
  if (data.state === 'loading') return <p role="status">{t('common.loading')}</p>;
  if (data.state === 'failed') return <Notice kind="error">{errorText(data.error)}</Notice>;
  const { note, caseFile } = data.value;
  if (!note) return <Notice kind="warning">{t('note.notFound')}</Notice>;
  const b = note.body;
  const choice = (prefix: string, v: string) => (v ? t(`${prefix}.${v}` as 'common.choose') : '');

  return (
    <article>
      <p class="no-print">
        <Link href={`/dossiers/${note.caseId}`}>{t('visit.backToCase', { label: discreet ? initials(caseFile?.body.label ?? '') : (caseFile?.body.label ?? '') })}</Link>
      </p>
      <h1>{t('note.title', { date: formatDay(note.date, 'long') })}</h1>
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
    </article>
  );
}
