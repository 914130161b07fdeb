import { watch } from '../../db/live';
import { listWaitingChanges, type WaitingChange } from '../../db/waitingChanges';
import { formatDateTime } from '../../i18n/format';
import { t } from '../../i18n/i18n';
import { initials } from '../../model/initials';
import { ClientName } from '../../ui/ClientName';
import { Link } from '../../ui/Link';
import { useWatched } from '../../ui/useWatched';
import { NeedsAttention } from './NeedsAttention';

/**
 * What the header's sync state opens (issue 14, point 6): the changes on this device that wait to be sent, each
 * with what it is, the case it belongs to and when it was made, and under them the changes the server refused
 * (the same NeedsAttention list as in the settings, with its actions).
 */
export function WaitingScreen() {
  const waiting = useWatched<WaitingChange[]>((next, fail) => watch(listWaitingChanges, next, fail), []);
  return (
    <>
      <h1>{t('waiting.title')}</h1>
      <section aria-labelledby="waiting-title">
        <h2 id="waiting-title">{t('waiting.heading')}</h2>
        {waiting.state === 'failed' && <p>{t('waiting.failed')}</p>}
        {waiting.state === 'ready' &&
          (waiting.value.length === 0 ? (
            <p class="empty">{t('waiting.empty')}</p>
          ) : (
            <>
              <p>{t('waiting.intro')}</p>
              <ul class="list" data-testid="waiting-list">
                {waiting.value.map((change) => (
                  <WaitingItem key={change.mutationId} change={change} />
                ))}
              </ul>
            </>
          ))}
      </section>
      <NeedsAttention />
    </>
  );
}

function WaitingItem({ change }: { change: WaitingChange }) {
  return (
    <li class="timeline-item waiting-change">
      <strong>
        {t(`attention.collection.${change.collection}`)} · {t(change.kind === 'create' ? 'waiting.created' : 'waiting.changed')}
      </strong>
      {change.caseId && change.caseLabel && (
        <div>
          <Link href={`/dossiers/${encodeURIComponent(change.caseId)}`}>
            <ClientName name={change.caseLabel} short={initials(change.caseLabel)} />
          </Link>
        </div>
      )}
      {change.title && <div>{change.title}</div>}
      <div class="list-meta">{t('waiting.madeAt', { when: formatDateTime(change.createdAt) })}</div>
    </li>
  );
}
