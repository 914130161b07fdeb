import { examplesWithThemes } from '../../db/examples';
import { watch } from '../../db/live';
import { partnersWithThemes } from '../../db/partners';
import { errorText } from '../../i18n/errorText';
import { t } from '../../i18n/i18n';
import { themeLabel } from '../../i18n/themeOptions';
import type { Example } from '../../model/example';
import type { Partner } from '../../model/partner';
import { Link } from '../../ui/Link';
import { Notice } from '../../ui/Notice';
import { useWatched } from '../../ui/useWatched';

/**
 * From card to practice: the partners of the sociale kaart and the practice examples on this device that
 * share a theme with the card. Device data, not card content, so it is left out of the printed card.
 */
export function ThemeLinks({ themes }: { themes: readonly string[] }) {
  const data = useWatched<{ partners: Partner[]; examples: Example[] }>(
    (next, fail) => watch(async () => ({ partners: await partnersWithThemes(themes), examples: await examplesWithThemes(themes) }), next, fail),
    [themes.join(' ')],
  );
  const names = themes.map(themeLabel).join(', ');
  if (data.state === 'failed') return <Notice kind="error">{errorText(data.error)}</Notice>;
  if (data.state === 'loading') return null;
  const { partners, examples } = data.value;
  return (
    <div class="no-print" data-testid="card-theme-links">
      <section>
        <h2>{t('cards.partners', { themes: names })}</h2>
        {partners.length === 0 ? (
          <p class="empty">{t('cards.noPartners')}</p>
        ) : (
          <ul class="list">
            {partners.map((p) => (
              <li key={p.id}>
                <Link class="list-link" href={`/partners/${p.id}`}>
                  <span class="list-title">{p.body.name}</span>
                  {p.body.city && <span class="list-meta">{p.body.city}</span>}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section>
        <h2>{t('cards.examples', { themes: names })}</h2>
        {examples.length === 0 ? (
          <p class="empty">{t('cards.noExamples')}</p>
        ) : (
          <ul class="list">
            {examples.map((ex) => (
              <li key={ex.id}>
                <Link class="list-link" href={`/voorbeelden/${ex.id}`}>
                  <span class="list-title">{ex.body.title}</span>
                  {ex.body.municipality && <span class="list-meta">{ex.body.municipality}</span>}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
