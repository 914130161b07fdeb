import { useRef, useState } from 'preact/hooks';
import { watch } from '../../db/live';
import { discardChange, discardSet, retryChange } from '../../db/refusedChanges';
import { listNeedsAttention } from '../../db/outbox';
import { formatDateTime } from '../../i18n/format';
import { t } from '../../i18n/i18n';
import { collectionOf } from '../../model/changes';
import type { OutboxEntry } from '../../model/mutation';
import { typedText } from '../../model/typedText';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { useWatched } from '../../ui/useWatched';

const EXPLAINED = ['forbidden', 'invalid', 'notFound', 'teamRemoved', 'tooLarge'] as const;

/**
 * Changes the server refused: kept on the device, explained, and each one dealt with by the person: tried
 * again, its text copied, or discarded after saying what is lost. Never silently dropped.
 */
export function NeedsAttention() {
  const entries = useWatched<OutboxEntry[]>((next, fail) => watch(listNeedsAttention, next, fail), []);
  if (entries.state !== 'ready' || entries.value.length === 0) return null;
  return (
    <section aria-labelledby="attention-title">
      <h2 id="attention-title" tabIndex={-1}>
        {t('attention.title')}
      </h2>
      <p>{t('attention.intro')}</p>
      <ul class="list">
        {entries.value.map((entry) => (
          <RefusedChange key={entry.mutationId} entry={entry} />
        ))}
      </ul>
    </section>
  );
}

type Step = 'idle' | 'confirmDiscard' | 'copied' | 'copyFailed' | 'failed';

function RefusedChange({ entry }: { entry: OutboxEntry }) {
  const [step, setStep] = useState<Step>('idle');
  /** The typed text of everything a discard lets go (see discardSet), named before the person confirms. */
  const [lost, setLost] = useState<{ text: string; others: number }>({ text: '', others: 0 });
  const question = useRef<HTMLParagraphElement>(null);
  const code = EXPLAINED.find((c) => c === entry.error) ?? 'other';
  const text = typedText(entry.mutation);
  const textId = `attention-text-${entry.mutationId}`;
  const act = (work: () => Promise<void>) => void work().catch(() => setStep('failed'));
  const copy = () =>
    act(async () => {
      try {
        await navigator.clipboard.writeText(text);
        setStep('copied');
      } catch {
        // No clipboard (permission, an old browser): the text is on screen to select by hand.
        setStep('copyFailed');
      }
    });
  const askDiscard = () =>
    act(async () => {
      const entries = await discardSet(entry.mutationId);
      setLost({ text: entries.map((e) => typedText(e.mutation)).filter((typed) => typed !== '').join('\n\n'), others: Math.max(0, entries.length - 1) });
      setStep('confirmDiscard');
      requestAnimationFrame(() => question.current?.focus());
    });
  return (
    <li class="timeline-item refused-change">
      <strong>{t(`attention.${code}`)}</strong>
      <div class="list-meta">
        {t(`attention.collection.${collectionOf(entry.mutation)}`)} · {formatDateTime(entry.createdAt)}
      </div>
      <p id={textId} class="prewrap" aria-label={t('attention.typed')}>
        {text || t('attention.nothingTyped')}
      </p>
      {step === 'confirmDiscard' ? (
        <div class="confirm">
          <p ref={question} tabIndex={-1}>
            <strong>{lost.text ? t('attention.discardQuestion') : t('attention.discardQuestionEmpty')}</strong>
          </p>
          {lost.others > 0 && <p>{t('attention.discardOthers', { count: lost.others })}</p>}
          {lost.text && <p class="prewrap quote">{lost.text}</p>}
          <div class="actions">
            <Button variant="danger" onClick={() => act(() => discardChange(entry.mutationId))}>
              {t('attention.discardConfirm')}
            </Button>
            <Button onClick={() => setStep('idle')}>{t('attention.keep')}</Button>
          </div>
        </div>
      ) : (
        <div class="actions">
          <Button variant="primary" onClick={() => act(() => retryChange(entry.mutationId).then(() => void import('../../sync/engine').then((m) => m.syncNow())))}>
            {t('attention.retry')}
          </Button>
          {text && (
            <Button onClick={copy} aria-describedby={textId}>
              {t('attention.copy')}
            </Button>
          )}
          <Button variant="quiet" onClick={askDiscard}>
            {t('attention.discard')}
          </Button>
        </div>
      )}
      {step === 'copied' && <Notice kind="success">{t('attention.copied')}</Notice>}
      {step === 'copyFailed' && <Notice kind="warning">{t('attention.copyFailed')}</Notice>}
      {step === 'failed' && <Notice kind="error">{t('attention.actionFailed')}</Notice>}
    </li>
  );
}
