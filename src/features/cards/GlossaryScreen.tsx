import { useEffect, useMemo, useState } from 'preact/hooks';
import type { GlossaryEntry } from '../../cards/cardSchema';
import { loadCards, loadGlossary, type CardSet } from '../../cards/loadCards';
import { t } from '../../i18n/i18n';
import { useLanguage } from '../../i18n/useLanguage';
import { glossarySearch } from '../../search/cardSearch';
import { TextField } from '../../ui/Field';
import { Link } from '../../ui/Link';
import { Notice } from '../../ui/Notice';
import { useLoaded } from '../../ui/useLoaded';
import { cardHref } from './cardLabels';

/**
 * The glossary, Dutch ↔ English. A term's own address is /woordenlijst/<id> (a path, not a #hash: the app's
 * router works on paths, and a path deep link opens offline through the service worker like any other).
 */
export function GlossaryScreen({ termId }: { termId?: string }) {
  const lang = useLanguage();
  const other = lang === 'nl' ? 'en' : 'nl';
  const content = useLoaded<{ entries: GlossaryEntry[]; set: CardSet }>(
    () =>
      Promise.all([loadGlossary(), loadCards(lang)]).then(([all, set]) => ({
        entries: [...all].sort((a, b) => a[lang].localeCompare(b[lang], lang)),
        set,
      })),
    [lang],
  );
  const [query, setQuery] = useState('');
  const search = useMemo(() => (content.state === 'ready' ? glossarySearch(content.value.entries) : null), [content]);
  const ready = content.state === 'ready';

  useEffect(() => {
    if (!ready || !termId) return;
    const entry = document.getElementById(`term-${termId}`);
    entry?.scrollIntoView({ block: 'start' });
    entry?.focus({ preventScroll: true });
  }, [ready, termId]);

  if (content.state === 'loading') return <p role="status">{t('common.loading')}</p>;
  if (content.state === 'failed') return <Notice kind="error">{t('cards.loadFailed')}</Notice>;
  const { entries, set } = content.value;
  const found = search ? search(query) : entries;
  const unknown = termId !== undefined && !entries.some((e) => e.id === termId);

  return (
    <>
      <h1>{t('glossary.title')}</h1>
      <p>{t('glossary.intro')}</p>
      <p>
        <Link href="/kaarten">{t('glossary.back')}</Link>
      </p>
      {unknown && <Notice kind="warning">{t('glossary.notFound')}</Notice>}
      <div role="search">
        <TextField label={t('glossary.search')} type="search" value={query} onValue={setQuery} />
      </div>
      <p role="status" class="list-meta" data-testid="term-count">
        {t('glossary.count', { count: found.length })}
      </p>
      {found.length === 0 ? (
        <p class="empty">{t('glossary.noResults', { query: query.trim() })}</p>
      ) : (
        <ul class="glossary" data-testid="glossary">
          {found.map((g) => (
            <li key={g.id} id={`term-${g.id}`} tabIndex={-1} class={g.id === termId ? 'term term-target' : 'term'}>
              <h2 class="term-name">{g[lang]}</h2>
              <p class="term-translation">
                <span>{t('glossary.otherLanguage')}</span> <span lang={other === 'nl' ? 'nl-BE' : 'en'}>{g[other]}</span>
              </p>
              <p class="term-definition">{lang === 'nl' ? g.nlDef : g.enDef}</p>
              {g.cards.length > 0 && (
                <div class="term-cards">
                  <span>{t('glossary.inCards')}</span>
                  <ul>
                    {g.cards.map((slug) => (
                      <li key={slug}>
                        <Link href={cardHref(slug)}>{set.bySlug.get(slug)?.title ?? slug}</Link>
                      </li>
                    ))}
                  </ul>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
