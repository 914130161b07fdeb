import { loadCards } from '../../cards/loadCards';
import { t } from '../../i18n/i18n';
import { useLanguage } from '../../i18n/useLanguage';
import { Link } from '../../ui/Link';
import { useLoaded } from '../../ui/useLoaded';

/** The handreikingen that share a theme with a practice example; the cards of the current language load on demand. */
export function ExampleCards({ themes }: { themes: readonly string[] }) {
  const lang = useLanguage();
  const set = useLoaded(() => loadCards(lang), [lang]);
  if (set.state !== 'ready') return null;
  const cards = set.value.cards.filter((c) => c.themes?.some((th) => themes.includes(th)));
  return (
    <section class="no-print" data-testid="example-cards">
      <h2>{t('cards.forExample')}</h2>
      {cards.length === 0 ? (
        <p class="empty">{t('cards.noneForExample')}</p>
      ) : (
        <ul>
          {cards.map((c) => (
            <li key={c.slug}>
              <Link href={`/kaarten/${encodeURIComponent(c.slug)}`}>{c.title}</Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
