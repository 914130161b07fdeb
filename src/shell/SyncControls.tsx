import { useEffect, useState } from 'preact/hooks';
import { listConflicts } from '../db/conflicts';
import { watch } from '../db/live';
import { getMeta } from '../db/meta';
import { listNeedsAttention } from '../db/syncStore';
import { formatDateTime } from '../i18n/format';
import { t } from '../i18n/i18n';
import type { SessionUser } from '../sync/responses';
import { watchSync, type SyncState } from '../sync/status';
import { Button } from '../ui/Button';
import { Link } from '../ui/Link';
import { useWatched } from '../ui/useWatched';

interface DeviceSync {
  user: SessionUser | undefined;
  conflicts: number;
  attention: number;
}

/** Loads after the first screen: counting conflicts is never on the path to the caseload. */
const COUNT_DELAY_MS = 1500;

/**
 * Sign in, or sync now, with the last sync time, any sync problem in words, and links to what needs the user.
 * The row always takes its height, so nothing on the page moves when its words change.
 */
export function SyncControls() {
  const [sync, setSync] = useState<SyncState | null>(null);
  const [counting, setCounting] = useState(false);
  useEffect(() => watchSync(setSync), []);
  useEffect(() => {
    const timer = setTimeout(() => setCounting(true), COUNT_DELAY_MS);
    return () => clearTimeout(timer);
  }, []);
  const device = useWatched<DeviceSync>(
    (next, fail) =>
      watch(
        async () => ({
          user: await getMeta<SessionUser>('sessionUser'),
          conflicts: counting ? (await listConflicts()).length : 0,
          attention: counting ? (await listNeedsAttention()).length : 0,
        }),
        next,
        fail,
      ),
    [counting],
  );
  const d = device.state === 'ready' ? device.value : null;
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
      {d && !d.user && (
        <>
          <span class="list-meta">{t('status.notSignedIn')}</span>
          <Link class="btn btn-secondary btn-small" href="/aanmelden">
            {t('status.signIn')}
          </Link>
        </>
      )}
      {d?.user && (
        <>
          <span class="list-meta">{syncLine}</span>
          <Button class="btn-small" onClick={() => void import('../sync/engine').then((m) => m.syncNow())} disabled={sync?.phase === 'syncing'}>
            {t('status.syncNow')}
          </Button>
        </>
      )}
      {d && d.conflicts > 0 && <Link href="/conflicten">{t('status.conflicts', { count: d.conflicts })}</Link>}
      {d && d.attention > 0 && <Link href="/instellingen">{t('status.needsAttention', { count: d.attention })}</Link>}
    </div>
  );
}
