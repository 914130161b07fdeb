import { useState } from 'preact/hooks';
import { completeFollowUp, listFollowUpsWithCase, reopenFollowUp, type FollowUpWithCase } from '../../db/followUps';
import { watch } from '../../db/live';
import { errorText } from '../../i18n/errorText';
import { formatDay } from '../../i18n/format';
import { t } from '../../i18n/i18n';
import { brusselsDay } from '../../model/dates';
import { initials } from '../../model/initials';
import { groupFollowUps, type FollowUpBucket } from '../../model/followUp';
import { FollowUpRow } from '../../ui/FollowUpRow';
import { Link } from '../../ui/Link';
import { Notice } from '../../ui/Notice';
import { useDiscreet } from '../../ui/discreet';
import { useWatched } from '../../ui/useWatched';

const BUCKETS: FollowUpBucket[] = ['overdue', 'today', 'upcoming', 'done'];
/** Done items are history; the most recent ones are enough on this screen. */
const DONE_SHOWN = 30;

/** What needs doing: overdue, today, upcoming, and what was done, across all my cases. */
export function FollowUpsScreen() {
  const items = useWatched<FollowUpWithCase[]>((next, fail) => watch(listFollowUpsWithCase, next, fail), []);
  const [error, setError] = useState<unknown>(null);
  const discreet = useDiscreet();
  if (items.state === 'loading') return <p role="status">{t('common.loading')}</p>;
  if (items.state === 'failed') return <Notice kind="error">{errorText(items.error)}</Notice>;

  const today = brusselsDay(new Date());
  const rows = items.value.map((i) => ({ ...i, status: i.followUp.status, dueDate: i.followUp.dueDate }));
  const groups = groupFollowUps(rows, today);
  return (
    <>
      <h1>{t('followUps.title')}</h1>
      <p>{t('followUps.todayIs', { day: formatDay(today, 'long') })}</p>
      {error !== null && <Notice kind="error">{errorText(error)}</Notice>}
      {BUCKETS.map((bucket) => {
        const list = bucket === 'done' ? groups.done.slice(0, DONE_SHOWN) : groups[bucket];
        return (
          <section key={bucket} aria-labelledby={`bucket-${bucket}`}>
            <h2 id={`bucket-${bucket}`}>{t(`followUps.bucket.${bucket}`, { count: groups[bucket].length })}</h2>
            {list.length === 0 ? (
              <p class="empty">{t(`followUps.empty.${bucket}`)}</p>
            ) : (
              <ul class="list">
                {list.map(({ followUp: f, caseLabel }) => (
                  <FollowUpRow
                    key={f.id}
                    title={f.body.title}
                    meta={[formatDay(f.dueDate), discreet && caseLabel ? initials(caseLabel) : caseLabel, f.body.who].filter(Boolean).join(' · ')}
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
