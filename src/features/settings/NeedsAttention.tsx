import { watch } from '../../db/live';
import { listNeedsAttention } from '../../db/syncStore';
import { formatDateTime } from '../../i18n/format';
import { t } from '../../i18n/i18n';
import type { OutboxEntry } from '../../model/mutation';
import { useWatched } from '../../ui/useWatched';

const EXPLAINED = ['forbidden', 'invalid', 'notFound'] as const;

/** Changes the server refused: kept on the device and explained, never silently dropped. */
export function NeedsAttention() {
  const entries = useWatched<OutboxEntry[]>((next, fail) => watch(listNeedsAttention, next, fail), []);
  if (entries.state !== 'ready' || entries.value.length === 0) return null;
  return (
    <section aria-labelledby="attention-title">
      <h2 id="attention-title">{t('attention.title')}</h2>
      <p>{t('attention.intro')}</p>
      <ul class="list">
        {entries.value.map((e) => {
          const code = EXPLAINED.find((c) => c === e.error) ?? 'other';
          return (
            <li key={e.mutationId} class="timeline-item">
              <strong>{t(`attention.${code}`)}</strong>
              <div class="list-meta">{formatDateTime(e.createdAt)}</div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
