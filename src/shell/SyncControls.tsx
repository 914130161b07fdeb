import { useEffect, useState } from 'preact/hooks';
import { countConflicts, countNeedsAttention, historyProgress, type HistoryProgress } from '../db/counts';
import { watch } from '../db/live';
import { getMeta } from '../db/meta';
import { formatCount, formatDateTime } from '../i18n/format';
import { t } from '../i18n/i18n';
import type { SessionUser } from '../sync/responses';
import { watchSync, type SyncState } from '../sync/status';
import { Button } from '../ui/Button';
import { Link } from '../ui/Link';
import { useWatched } from '../ui/useWatched';

/** Loads after the first screen: counting conflicts is never on the path to the caseload. */
const COUNT_DELAY_MS = 1500;

/**
 * Sign in, or sync now, with the last sync time, any sync problem in words, and links to what needs the user.
 * The row keeps its height from the first frame on (see .sync-controls), so nothing on the page moves when
 * its words arrive or change.
 */
export function SyncControls() {
  const [sync, setSync] = useState<SyncState | null>(null);
  useEffect(() => watchSync(setSync), []);
  const session = useWatched<SessionUser | undefined>((next, fail) => watch(() => getMeta<SessionUser>('sessionUser'), next, fail), []);
  const signedIn = session.state === 'ready' && session.value !== undefined;
  const syncLine = !sync
    ? ''
    : sync.phase === 'syncing'
      ? t('status.syncing')
      : sync.error
        ? t(`status.error.${sync.error}`)
        : sync.lastSyncedAt
          ? t('status.lastSynced', { when: formatDateTime(sync.lastSyncedAt) })
          : t('status.neverSynced');
  return (
    <div class="sync-controls" data-testid="sync-controls">
      {session.state === 'ready' && !signedIn && (
        <>
          <span class="list-meta">{t('status.notSignedIn')}</span>
          <Link class="btn btn-secondary btn-small" href="/aanmelden">
            {t('status.signIn')}
          </Link>
        </>
      )}
      {signedIn && (
        <>
          <span class="list-meta">{syncLine}</span>
          <Button class="btn-small" onClick={() => void import('../sync/engine').then((m) => m.syncNow())} disabled={sync?.phase === 'syncing'}>
            {t('status.syncNow')}
          </Button>
        </>
      )}
      <DelayedCounts />
    </div>
  );
}

/**
 * Links to open conflicts and to changes the server refused, once there are any. Mounted after a delay rather
 * than re-subscribing the session query, which would blank the row for a moment.
 */
function DelayedCounts() {
  const [counting, setCounting] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setCounting(true), COUNT_DELAY_MS);
    return () => clearTimeout(timer);
  }, []);
  return counting ? (
    <>
      <HistoryLine />
      <Counts />
    </>
  ) : null;
}

/** While a first sync fetches the older notes in the background: how far it is, e.g. "12.000 van 50.000". */
function HistoryLine() {
  const progress = useWatched<HistoryProgress | null>((next, fail) => watch(historyProgress, next, fail), []);
  if (progress.state !== 'ready' || progress.value === null) return null;
  const { done, total } = progress.value;
  return (
    <span class="list-meta" data-testid="history-progress">
      {total === null ? t('status.historyLoading') : t('status.historyProgress', { done: formatCount(Math.min(done, total)), total: formatCount(total) })}
    </span>
  );
}

function Counts() {
  const counts = useWatched<{ conflicts: number; attention: number }>(
    (next, fail) =>
      watch(async () => ({ conflicts: await countConflicts(), attention: await countNeedsAttention() }), next, fail),
    [],
  );
  if (counts.state !== 'ready') return null;
  const { conflicts, attention } = counts.value;
  return (
    <>
      {conflicts > 0 && <Link href="/conflicten">{t('status.conflicts', { count: conflicts })}</Link>}
      {attention > 0 && <Link href="/instellingen">{t('status.needsAttention', { count: attention })}</Link>}
    </>
  );
}
