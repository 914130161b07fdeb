import { useEffect, useState } from 'preact/hooks';
import type { Card } from '../../cards/cardSchema';
import { CARD_AUDIENCES, CARD_CATEGORIES } from '../../cards/categories';
import { loadCards } from '../../cards/loadCards';
import { watch } from '../../db/live';
import { t } from '../../i18n/i18n';
import { useLanguage } from '../../i18n/useLanguage';
import { cardSearch } from '../../search/cardSearch';
import { ChoiceChips } from '../../ui/ChoiceChips';
import { TextField } from '../../ui/Field';
import { Link } from '../../ui/Link';
import { Notice } from '../../ui/Notice';
import { useLoaded } from '../../ui/useLoaded';
import { useWatched } from '../../ui/useWatched';
import { audienceLabel, cardHref, categoryLabel } from './cardLabels';
import { recentCards } from './recentCards';

interface Browse {
  query: string;
  category: string;
  audience: string;
}
// Kept while the app runs, so coming back from a card shows the same search and filters.
let lastBrowse: Browse = { query: '', category: '', audience: '' };
// Built once per language's card set, not on every visit to the list: it costs tens of milliseconds on a tablet.
const searches = new WeakMap<readonly Card[], (query: string) => Card[]>();
function searchFor(cards: readonly Card[]): (query: string) => Card[] {
  let search = searches.get(cards);
  if (!search) searches.set(cards, (search = cardSearch(cards)));
  return search;
}

/** The handreikingen: search as you type, browse by topic and audience, and the cards opened lately. */
export function CardListScreen() {
  const lang = useLanguage();
  const set = useLoaded(() => loadCards(lang), [lang]);
  const recent = useWatched<string[]>((next, fail) => watch(recentCards, next, fail), []);
  const [browse, setBrowse] = useState<Browse>(lastBrowse);
  useEffect(() => {
    lastBrowse = browse;
  }, [browse]);
  const search = set.state === 'ready' ? searchFor(set.value.cards) : null;
  const update = (change: Partial<Browse>) => setBrowse((b) => ({ ...b, ...change }));

  const found = search
    ? search(browse.query).filter(
        (c) => (!browse.category || c.category === browse.category) && (!browse.audience || (c.audience as string[]).includes(browse.audience)),
      )
    : [];
  const searching = browse.query.trim() !== '';
  const recentCardsFound = set.state === 'ready' && recent.state === 'ready' ? recent.value.map((s) => set.value.bySlug.get(s)).filter((c): c is Card => !!c) : [];

  return (
    <>
      <h1>{t('cards.title')}</h1>
      <p>{t('cards.intro')}</p>
      <div role="search">
        <TextField label={t('cards.search')} hint={t('cards.searchHint')} type="search" value={browse.query} onValue={(query) => update({ query })} />
      </div>
      <ChoiceChips
        legend={t('cards.category')}
        value={browse.category}
        onChange={(category) => update({ category })}
        options={[{ value: '', label: t('cards.allCategories') }, ...CARD_CATEGORIES.map((c) => ({ value: c, label: categoryLabel(c) }))]}
      />
      <ChoiceChips
        legend={t('cards.audience')}
        value={browse.audience}
        onChange={(audience) => update({ audience })}
        options={[{ value: '', label: t('cards.allAudiences') }, ...CARD_AUDIENCES.map((a) => ({ value: a, label: audienceLabel(a) }))]}
      />
      <p>
        <Link href="/woordenlijst">{t('cards.glossaryLink')}</Link>
      </p>
      {set.state === 'failed' && <Notice kind="error">{t('cards.loadFailed')}</Notice>}
      {/* Always present, so a screen reader hears the count change while typing. */}
      <p role="status" class="list-meta" data-testid="card-count">
        {set.state === 'ready' ? t('cards.count', { count: found.length }) : t('common.loading')}
      </p>
      {set.state === 'ready' && !searching && !browse.category && !browse.audience && recentCardsFound.length > 0 && (
        <section>
          <h2>{t('cards.recent')}</h2>
          <CardList cards={recentCardsFound} />
        </section>
      )}
      {set.state === 'ready' &&
        (found.length === 0 ? (
          <p class="empty">{searching ? t('cards.noResults', { query: browse.query.trim() }) : t('cards.noneInFilter')}</p>
        ) : searching ? (
          <CardList cards={found} testId="card-results" />
        ) : (
          CARD_CATEGORIES.filter((c) => found.some((card) => card.category === c)).map((c) => (
            <section key={c}>
              <h2>{categoryLabel(c)}</h2>
              <CardList cards={found.filter((card) => card.category === c)} />
            </section>
          ))
        ))}
    </>
  );
}

function CardList({ cards, testId }: { cards: Card[]; testId?: string }) {
  return (
    <ul class="list" data-testid={testId}>
      {cards.map((c) => (
        <li key={c.slug}>
          <Link class="list-link" href={cardHref(c.slug)}>
            <span class="list-title">{c.title}</span>
            <span class="list-meta">{c.summary}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
