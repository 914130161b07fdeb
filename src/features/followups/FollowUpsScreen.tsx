import { useState } from 'preact/hooks';
import { completeFollowUp, listFollowUpsWithCase, reopenFollowUp, type FollowUpWithCase } from '../../db/followUps';
import { watch } from '../../db/live';
import { errorText } from '../../i18n/errorText';
import { followUpTitle } from '../../i18n/followUpTitles';
import { formatDay } from '../../i18n/format';
import { t } from '../../i18n/i18n';
import { followUpOwner } from '../../model/caseOwner';
import { brusselsDay } from '../../model/dates';
import { initials } from '../../model/initials';
import { groupFollowUps, type FollowUpBucket } from '../../model/followUp';
import { SelectField } from '../../ui/Field';
import { FollowUpRow } from '../../ui/FollowUpRow';
import { Link } from '../../ui/Link';
import { Notice } from '../../ui/Notice';
import { useDiscreet } from '../../ui/discreet';
import { useWatched } from '../../ui/useWatched';
import { usePeopleView, type PeopleView } from './usePeopleView';

const BUCKETS: FollowUpBucket[] = ['overdue', 'today', 'upcoming', 'done'];
/** Done items are history; the most recent ones are enough on this screen. */
const DONE_SHOWN = 30;

/**
 * What needs doing: overdue, today, upcoming, and what was done, across all my cases; each links to its case. A
 * coordinator (or someone in several teams) narrows it to one person's cases.
 */
export function FollowUpsScreen() {
  const items = useWatched<FollowUpWithCase[]>((next, fail) => watch(listFollowUpsWithCase, next, fail), []);
  const [error, setError] = useState<unknown>(null);
  const people = usePeopleView();
  const [person, setPerson] = useState('');
  const discreet = useDiscreet();
  if (items.state === 'loading') return <p role="status">{t('common.loading')}</p>;
  if (items.state === 'failed') return <Notice kind="error">{errorText(items.error)}</Notice>;

  const today = brusselsDay(new Date());
  const mine = people && person ? items.value.filter((i) => followUpOwner(i.caseOwner, people.me) === person) : items.value;
  const rows = mine.map((i) => ({ ...i, status: i.followUp.status, dueDate: i.followUp.dueDate }));
  const groups = groupFollowUps(rows, today);
  return (
    <>
      <h1>{t('followUps.title')}</h1>
      <p>{t('followUps.todayIs', { day: formatDay(today, 'long') })}</p>
      {people && <PersonFilter people={people} owners={items.value.map((i) => followUpOwner(i.caseOwner, people.me))} value={person} onValue={setPerson} />}
      {people && person && mine.length === 0 && <p class="empty">{t('followUps.noneForPerson')}</p>}
      {error !== null && <Notice kind="error">{errorText(error)}</Notice>}
      {BUCKETS.map((bucket) => {
        const list = bucket === 'done' ? groups.done.slice(0, DONE_SHOWN) : groups[bucket];
        return (
          <section key={bucket} aria-labelledby={`bucket-${bucket}`}>
            <h2 id={`bucket-${bucket}`}>{t(`followUps.bucket.${bucket}`, { count: groups[bucket].length })}</h2>
            {list.length === 0 ? (
              <p class="empty">{t(`followUps.empty.${bucket}`)}</p>
            ) : (
              <ul class="list" data-testid={`follow-ups-${bucket}`}>
                {list.map(({ followUp: f, caseLabel }) => (
                  <FollowUpRow
                    key={f.id}
                    title={followUpTitle(f.body)}
                    meta={[formatDay(f.dueDate), f.body.who].filter(Boolean).join(' · ')}
                    context={
                      caseLabel ? (
                        // The case by its client's name (initials in the discreet mode), as a link to it.
                        <Link href={`/dossiers/${f.caseId}`} class="followup-case">
                          {discreet ? initials(caseLabel) : caseLabel}
                        </Link>
                      ) : undefined
                    }
                    badge={bucket === 'overdue' ? t('followUps.overdueBadge') : undefined}
                    done={f.status === 'done'}
                    toggleLabel={f.status === 'done' ? t('followUps.reopen') : t('followUps.markDone')}
                    onToggle={() => void (f.status === 'done' ? reopenFollowUp(f.id) : completeFollowUp(f.id)).catch(setError)}
                  />
                ))}
              </ul>
            )}
          </section>
        );
      })}
      <p>
        <Link href="/">{t('common.backToCaseload')}</Link>
      </p>
    </>
  );
}

/** "Opvolging van": everyone, or one person whose cases have follow-ups here. */
function PersonFilter({ people, owners, value, onValue }: { people: PeopleView; owners: string[]; value: string; onValue: (id: string) => void }) {
  const ids = [...new Set(owners.filter(Boolean))];
  const name = (id: string) => people.names.get(id) ?? t('followUps.someone');
  const options = ids.map((id) => ({ value: id, label: id === people.me ? t('followUps.me', { name: name(id) }) : name(id) })).sort((a, b) => a.label.localeCompare(b.label));
  return (
    <div class="toolbar" data-testid="follow-up-filters">
      <SelectField label={t('followUps.person')} value={value} onValue={onValue} options={[{ value: '', label: t('followUps.everyone') }, ...options]} />
    </div>
  );
}
