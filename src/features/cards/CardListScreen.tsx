import { useEffect, useRef, useState } from 'preact/hooks';
import type { Card } from '../../cards/cardSchema';
import { CARD_CATEGORIES } from '../../cards/categories';
import { loadCards } from '../../cards/loadCards';
import { watch } from '../../db/live';
import { t } from '../../i18n/i18n';
import { useLanguage } from '../../i18n/useLanguage';
import { cardSearch } from '../../search/cardSearch';
import { Button } from '../../ui/Button';
import { Disclosure } from '../../ui/Disclosure';
import { TextField } from '../../ui/Field';
import { Link } from '../../ui/Link';
import { Notice } from '../../ui/Notice';
import { SearchAdvice } from '../../ui/SearchAdvice';
import { useFirstResultInSight } from '../../ui/useFirstResultInSight';
import { useLoaded } from '../../ui/useLoaded';
import { useWatched } from '../../ui/useWatched';
import { activeFilterCount, CardFilters, type CardFilterValues } from './CardFilters';
import { CardList } from './CardList';
import { categoryLabel } from './cardLabels';
import { recentCards } from './recentCards';

interface Browse extends CardFilterValues {
  query: string;
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

/**
 * The handreikingen: search as you type, browse by topic and audience, and the cards opened lately. While a
 * query is typed the results come straight under the search field and the chips fold into one "Filters" button:
 * otherwise the first result sits below two rows of chips, out of sight on a phone or a tablet in landscape.
 */
export function CardListScreen() {
  const lang = useLanguage();
  const set = useLoaded(() => loadCards(lang), [lang]);
  const recent = useWatched<string[]>((next, fail) => watch(recentCards, next, fail), []);
  const [browse, setBrowse] = useState<Browse>(lastBrowse);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const searchBox = useRef<HTMLDivElement>(null);
  const resultsArea = useRef<HTMLDivElement>(null);
  useEffect(() => {
    lastBrowse = browse;
  }, [browse]);
  const search = set.state === 'ready' ? searchFor(set.value.cards) : null;
  const update = (change: Partial<Browse>) => setBrowse((b) => ({ ...b, ...change }));
  const typeQuery = (query: string) => {
    update({ query });
    // The next search starts with the filters folded away again.
    if (query.trim() === '') setFiltersOpen(false);
  };
  const clearFilters = () => {
    update({ category: '', audience: '' });
    // The button goes away with the advice; the search field is where the person goes on.
    searchBox.current?.querySelector('input')?.focus();
  };

  const found = search
    ? search(browse.query).filter(
        (c) => (!browse.category || c.category === browse.category) && (!browse.audience || (c.audience as string[]).includes(browse.audience)),
      )
    : [];
  const typed = browse.query.trim();
  const searching = typed !== '';
  useFirstResultInSight(searching, searchBox, resultsArea);
  const filterCount = activeFilterCount(browse);
  const recentCardsFound = set.state === 'ready' && recent.state === 'ready' ? recent.value.map((s) => set.value.bySlug.get(s)).filter((c): c is Card => !!c) : [];
  const filters = <CardFilters value={browse} onChange={update} />;
  const glossaryLink = (
    <p>
      <Link href="/woordenlijst">{t('cards.glossaryLink')}</Link>
    </p>
  );
  // A failed load has its own notice above; the count line then stays empty rather than "loading" for ever.
  const status =
    set.state !== 'ready'
      ? set.state === 'loading'
        ? t('common.loading')
        : ''
      : found.length > 0
        ? t('cards.count', { count: found.length })
        : searching
          ? t('cards.noResults', { query: typed })
          : t('cards.noneInFilter');

  return (
    <>
      <h1>{t('cards.title')}</h1>
      <p>{t('cards.intro')}</p>
      <div role="search" ref={searchBox}>
        <TextField label={t('cards.search')} hint={t('cards.searchHint')} type="search" value={browse.query} onValue={typeQuery} />
      </div>
      {searching ? (
        <Disclosure
          label={filterCount > 0 ? t('cards.filtersChosen', { count: filterCount }) : t('cards.filters')}
          open={filtersOpen}
          onToggle={() => setFiltersOpen((open) => !open)}
        >
          {filters}
        </Disclosure>
      ) : (
        <>
          {filters}
          {glossaryLink}
        </>
      )}
      {set.state === 'failed' && <Notice kind="error">{t('cards.loadFailed')}</Notice>}
      <div ref={resultsArea}>
        {/* Always present, so a screen reader hears the count (or "nothing found") change while typing. */}
        <p role="status" class="list-meta" data-testid="card-count">
          {status}
        </p>
        {set.state === 'ready' && found.length === 0 && (
          <SearchAdvice title={t('cards.tryTitle')} tips={[...(searching ? [t('cards.trySpelling'), t('cards.tryOther')] : []), ...(filterCount > 0 ? [t('cards.tryFilters')] : [])]}>
            {filterCount > 0 && <Button onClick={clearFilters}>{t('cards.clearFilters')}</Button>}
          </SearchAdvice>
        )}
        {set.state === 'ready' && !searching && filterCount === 0 && recentCardsFound.length > 0 && (
          <section>
            <h2>{t('cards.recent')}</h2>
            <CardList cards={recentCardsFound} />
          </section>
        )}
        {set.state === 'ready' &&
          found.length > 0 &&
          (searching ? (
            <CardList cards={found} testId="card-results" />
          ) : (
            CARD_CATEGORIES.filter((c) => found.some((card) => card.category === c)).map((c) => (
              <section key={c}>
                <h2>{categoryLabel(c)}</h2>
                <CardList cards={found.filter((card) => card.category === c)} />
              </section>
            ))
          ))}
      </div>
      {searching && glossaryLink}
    </>
  );
}
