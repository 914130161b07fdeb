import { useEffect } from 'preact/hooks';
import type { GlossaryEntry } from '../../cards/cardSchema';
import { loadCards, loadGlossary, type CardSet } from '../../cards/loadCards';
import { t } from '../../i18n/i18n';
import { useLanguage } from '../../i18n/useLanguage';
import { Link } from '../../ui/Link';
import { Notice } from '../../ui/Notice';
import { useLoaded } from '../../ui/useLoaded';
import { CardView } from './CardView';
import { rememberOpened } from './recentCards';

/** One handreiking, in the current language: switching language shows the same card translated. */
export function CardScreen({ slug }: { slug: string }) {
  const lang = useLanguage();
  const content = useLoaded<{ set: CardSet; glossary: GlossaryEntry[] }>(
    () => Promise.all([loadCards(lang), loadGlossary()]).then(([set, glossary]) => ({ set, glossary })),
    [lang],
  );
  const card = content.state === 'ready' ? content.value.set.bySlug.get(slug) : undefined;
  useEffect(() => {
    // Remembering is a convenience: a failed write must not disturb reading the card.
    if (card) void rememberOpened(card.slug).catch(() => {});
  }, [card?.slug]);

  if (content.state === 'loading') return <p role="status">{t('common.loading')}</p>;
  if (content.state === 'failed') return <Notice kind="error">{t('cards.loadFailed')}</Notice>;
  if (!card) {
    return (
      <>
        <h1>{t('cards.notFoundTitle')}</h1>
        <p>{t('cards.notFound')}</p>
        <p>
          <Link href="/kaarten">{t('cards.back')}</Link>
        </p>
      </>
    );
  }
  return <CardView card={card} set={content.value.set} glossary={content.value.glossary} />;
}
