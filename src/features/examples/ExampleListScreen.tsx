import { useState } from 'preact/hooks';
import { listExamples } from '../../db/examples';
import { watch } from '../../db/live';
import { errorText } from '../../i18n/errorText';
import { t } from '../../i18n/i18n';
import { themeLabel, themeOptions } from '../../i18n/themeOptions';
import type { Example } from '../../model/example';
import { SelectField } from '../../ui/Field';
import { Link } from '../../ui/Link';
import { Notice } from '../../ui/Notice';
import { useWatched } from '../../ui/useWatched';

/** Praktijkvoorbeelden: how others tackled it, filterable by theme. */
export function ExampleListScreen() {
  const [theme, setTheme] = useState('');
  const examples = useWatched<Example[]>((next, fail) => watch(() => listExamples(theme), next, fail), [theme]);
  return (
    <>
      <h1>{t('examples.title')}</h1>
      <p>{t('examples.intro')}</p>
      <div class="toolbar">
        <SelectField label={t('examples.theme')} value={theme} onValue={setTheme} options={[{ value: '', label: t('examples.allThemes') }, ...themeOptions()]} />
      </div>
      <div class="actions">
        <Link class="btn btn-primary" href="/voorbeelden/nieuw">
          {t('examples.add')}
        </Link>
      </div>
      {examples.state === 'failed' && <Notice kind="error">{errorText(examples.error)}</Notice>}
      {examples.state === 'ready' &&
        (examples.value.length === 0 ? (
          <p class="empty">{t('examples.empty')}</p>
        ) : (
          <ul class="list">
            {examples.value.map((ex) => (
              <li key={ex.id}>
                <Link class="list-link" href={`/voorbeelden/${ex.id}`}>
                  <span class="list-title">{ex.body.title}</span>
                  <span class="list-meta">{[ex.body.municipality, ex.themes.map(themeLabel).join(', ')].filter(Boolean).join(' · ')}</span>
                </Link>
              </li>
            ))}
          </ul>
        ))}
    </>
  );
}
