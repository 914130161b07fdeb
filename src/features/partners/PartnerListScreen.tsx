import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { watch } from '../../db/live';
import { listPartners } from '../../db/partners';
import { errorText } from '../../i18n/errorText';
import { currentLanguage, loadNamespace, t } from '../../i18n/i18n';
import { themeLabel, themeOptions, themeSearchLabels } from '../../i18n/themeOptions';
import type { Partner } from '../../model/partner';
import { partnerSearch, type PartnerHit } from '../../search/partnerSearch';
import { Button } from '../../ui/Button';
import { SelectField, TextField } from '../../ui/Field';
import { Link } from '../../ui/Link';
import { Notice } from '../../ui/Notice';
import { SearchAdvice } from '../../ui/SearchAdvice';
import { useFirstResultInSight } from '../../ui/useFirstResultInSight';
import { useLoaded } from '../../ui/useLoaded';
import { useWatched } from '../../ui/useWatched';

interface Search {
  query: string;
  theme: string;
}
// Kept while the app runs, so coming back from a partner shows the same search.
let lastSearch: Search = { query: '', theme: '' };

/** De sociale kaart: the local partners, searchable by name, theme, place or contact person, filtered by theme. */
export function PartnerListScreen() {
  // The partner screens' texts live in forms.json, out of the first screen's JavaScript.
  const texts = useLoaded(() => loadNamespace('forms'), []);
  const [search, setSearch] = useState(lastSearch);
  useEffect(() => {
    lastSearch = search;
  }, [search]);
  const { query, theme } = search;
  const partners = useWatched<Partner[]>((next, fail) => watch(() => listPartners('', theme), next, fail), [theme]);
  // Rebuilt only when the directory or the language changes (App redraws every screen then), not per keystroke.
  const find = useMemo(() => (partners.state === 'ready' ? partnerSearch(partners.value, themeSearchLabels) : null), [partners, currentLanguage()]);
  const hits = useMemo(() => find?.(query) ?? [], [find, query]);
  const fields = useRef<HTMLDivElement>(null);
  const resultsArea = useRef<HTMLDivElement>(null);
  useFirstResultInSight(texts.state === 'ready' && query.trim() !== '', fields, resultsArea);

  if (texts.state === 'failed') return <p role="alert">{t('common.screenNotLoaded')}</p>;
  if (texts.state === 'loading') return <p role="status">{t('common.loading')}</p>;

  const typed = query.trim();
  const allThemes = () => {
    setSearch({ query, theme: '' });
    // The button that had focus is gone with the advice: the search field is where the person goes on.
    fields.current?.querySelector('input')?.focus();
  };
  // A failed read has its own notice above; the count line then stays empty rather than "loading" for ever.
  const status =
    partners.state !== 'ready'
      ? partners.state === 'loading'
        ? t('common.loading')
        : ''
      : hits.length > 0
        ? t('partners.count', { count: hits.length })
        : typed
          ? t('partners.noResults', { query: typed })
          : theme
            ? t('partners.noneWithTheme', { theme: themeLabel(theme) })
            : t('partners.empty');
  const allThemesButton = theme && <Button onClick={allThemes}>{t('partners.searchAllThemes')}</Button>;

  return (
    <>
      <h1>{t('partners.title')}</h1>
      <p>{t('partners.intro')}</p>
      <div class="toolbar" role="search" ref={fields}>
        <TextField label={t('partners.search')} type="search" value={query} onValue={(q) => setSearch({ query: q, theme })} />
        <SelectField
          label={t('partners.theme')}
          value={theme}
          onValue={(th) => setSearch({ query, theme: th })}
          options={[{ value: '', label: t('partners.allThemes') }, ...themeOptions()]}
        />
      </div>
      <div class="actions">
        <Link class="btn btn-primary" href="/partners/nieuw">
          {t('partners.add')}
        </Link>
      </div>
      {partners.state === 'failed' && <Notice kind="error">{errorText(partners.error)}</Notice>}
      <div ref={resultsArea}>
        {/* Always present, so a screen reader hears the count (or "nothing found") change while typing. */}
        <p role="status" class="list-meta" data-testid="partner-count">
          {status}
        </p>
        {partners.state === 'ready' && hits.length === 0 && typed !== '' && (
          <SearchAdvice
            title={t('partners.tryTitle')}
            tips={[t('partners.trySpelling'), t('partners.tryOther'), ...(theme ? [t('partners.tryAllThemes', { theme: themeLabel(theme) })] : [])]}
          >
            {allThemesButton}
          </SearchAdvice>
        )}
        {partners.state === 'ready' && hits.length === 0 && typed === '' && allThemesButton && <div class="actions">{allThemesButton}</div>}
        {hits.length > 0 && <PartnerHits hits={hits} />}
      </div>
    </>
  );
}

function PartnerHits({ hits }: { hits: PartnerHit[] }) {
  return (
    <ul class="list" data-testid="partner-results">
      {hits.map(({ partner: p, contact }) => (
        <li key={p.id}>
          <Link class="list-link" href={`/partners/${p.id}`}>
            <span class="list-title">{p.body.name}</span>
            <span class="list-meta">
              {[p.body.city, p.themes.map(themeLabel).join(', '), contact && t('partners.viaContact', { name: contact.name })].filter(Boolean).join(' · ')}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
