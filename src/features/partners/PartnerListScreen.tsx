import { useState } from 'preact/hooks';
import { watch } from '../../db/live';
import { listPartners } from '../../db/partners';
import { errorText } from '../../i18n/errorText';
import { t } from '../../i18n/i18n';
import type { Partner } from '../../model/partner';
import { SelectField, TextField } from '../../ui/Field';
import { Link } from '../../ui/Link';
import { Notice } from '../../ui/Notice';
import { useWatched } from '../../ui/useWatched';
import { themeOptions } from '../../i18n/themeOptions';

/** De sociale kaart: the local partners, searchable by name, place or contact person, filtered by theme. */
export function PartnerListScreen() {
  const [query, setQuery] = useState('');
  const [theme, setTheme] = useState('');
  const partners = useWatched<Partner[]>((next, fail) => watch(() => listPartners(query, theme), next, fail), [query, theme]);
  return (
    <>
      <h1>{t('partners.title')}</h1>
      <p>{t('partners.intro')}</p>
      <div class="toolbar">
        <TextField label={t('partners.search')} type="search" value={query} onValue={setQuery} />
        <SelectField label={t('partners.theme')} value={theme} onValue={setTheme} options={[{ value: '', label: t('partners.allThemes') }, ...themeOptions()]} />
      </div>
      <div class="actions">
        <Link class="btn btn-primary" href="/partners/nieuw">
          {t('partners.add')}
        </Link>
      </div>
      {partners.state === 'failed' && <Notice kind="error">{errorText(partners.error)}</Notice>}
      {partners.state === 'ready' && (
        <>
          <p role="status" class="list-meta">
            {t('partners.count', { count: partners.value.length })}
          </p>
          <ul class="list">
            {partners.value.map((p) => (
              <li key={p.id}>
                <Link class="list-link" href={`/partners/${p.id}`}>
                  <span class="list-title">{p.body.name}</span>
                  <span class="list-meta">{[p.body.city, p.themes.map((th) => t(`themes.${th}` as 'themes.wonen')).join(', ')].filter(Boolean).join(' · ')}</span>
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
