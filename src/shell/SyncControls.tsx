import { useEffect, useState } from 'preact/hooks';
import { countConflicts, countNeedsAttention, historyProgress, type HistoryProgress } from '../db/counts';
import { watch } from '../db/live';
import { getMeta } from '../db/meta';
import { formatCount, formatDateTime } from '../i18n/format';
import { currentLanguage, t } from '../i18n/i18n';
import { brusselsDay, TIME_ZONE } from '../model/dates';
import type { SessionUser } from '../sync/responses';
import { watchSync, type Reachability, type SyncState } from '../sync/status';
import { Button } from '../ui/Button';
import { Link } from '../ui/Link';
import { syncBadge } from '../ui/syncState';
import { useWatched } from '../ui/useWatched';

/** Loads after the first screen: counting conflicts is never on the path to the caseload. */
const COUNT_DELAY_MS = 1500;

/** What waits in the outbox: to be sent, and refused by the server (the header counts both live). */
export interface OutboxCounts {
  waiting: number;
  refused: number;
}

let timeFormat: Intl.DateTimeFormat | null = null;
let timeFormatLang = '';
/** The last sync, short: the time alone today ("14:32"), the date and time before today. */
function syncedWhen(iso: string): string {
  const at = new Date(iso);
  if (brusselsDay(at) !== brusselsDay(new Date())) return formatDateTime(iso);
  if (!timeFormat || timeFormatLang !== currentLanguage()) {
    timeFormatLang = currentLanguage();
    timeFormat = new Intl.DateTimeFormat(timeFormatLang === 'nl' ? 'nl-BE' : 'en-GB', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit' });
  }
  return timeFormat.format(at);
}

/**
 * Sign in, or the sync state you can see (issue 14, point 6) and "sync now", with any sync problem in words and
 * links to what needs the user. The state is one badge: an icon and a colour per state (app.css) and always
 * words, with the last sync time under them; it opens the list of what waits and what was refused (/wachtrij).
 * The row keeps its height from the first frame on (see .sync-controls), so nothing on the page moves when
 * its words arrive or change.
 */
export function SyncControls({ reach, counts }: { reach: Reachability; counts: OutboxCounts | null }) {
  const [sync, setSync] = useState<SyncState | null>(null);
  useEffect(() => watchSync(setSync), []);
  const session = useWatched<SessionUser | undefined>((next, fail) => watch(() => getMeta<SessionUser>('sessionUser'), next, fail), []);
  const signedIn = session.state === 'ready' && session.value !== undefined;
  const badge = syncBadge({
    online: reach !== 'unreachable' && sync?.error !== 'offline',
    syncing: sync?.phase === 'syncing',
    waiting: counts?.waiting ?? 0,
    refused: counts?.refused ?? 0,
  });
  const words =
    badge.state === 'sent' || badge.state === 'syncing'
      ? t(`status.badge.${badge.state}`)
      : badge.state === 'offline'
        ? badge.count > 0
          ? t('status.badge.offlineWaiting', { count: badge.count })
          : t('status.badge.offline')
        : t(`status.badge.${badge.state}`, { count: badge.count });
  const last = sync?.lastSyncedAt ? syncedWhen(sync.lastSyncedAt) : null;
  // While a round runs, the time of the one before it: "Gesynchroniseerd" only ever follows a finished round.
  const when = !last ? t('status.neverSynced') : sync?.phase === 'syncing' ? t('status.previousSync', { when: last }) : t('status.lastSynced', { when: last });
  const error = sync?.error && sync.error !== 'offline' ? t(`status.error.${sync.error}`) : null;
  return (
    <div class="sync-controls" data-testid="sync-controls">
      {session.state === 'ready' && !signedIn && (
        <>
          <span class="list-meta sync-signed-out">{t('status.notSignedIn')}</span>
          <Link class="btn btn-secondary btn-small" href="/aanmelden">
            {t('status.signIn')}
          </Link>
        </>
      )}
      {signedIn && (
        <>
          <Link class={`sync-badge sync-${badge.state}`} href="/wachtrij" data-testid="sync-badge">
            <span class="sync-icon" aria-hidden="true" />
            <span class="sync-words">
              <strong>{words}</strong>
              <span class="sync-when">{when}</span>
            </span>
          </Link>
          <Button class="btn-small sync-now" onClick={() => void import('../sync/engine').then((m) => m.syncNow())} disabled={sync?.phase === 'syncing'}>
            <span class="sync-now-icon" aria-hidden="true" />
            <span class="sync-now-text">{t('status.syncNow')}</span>
          </Button>
          {error && <span class="list-meta sync-error">{error}</span>}
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
      {attention > 0 && <Link href="/wachtrij">{t('status.needsAttention', { count: attention })}</Link>}
    </>
  );
}
