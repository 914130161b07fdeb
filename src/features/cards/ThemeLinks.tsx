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
      <LinkedRows
        title={t('cards.partners', { themes: names })}
        empty={t('cards.noPartners')}
        rows={partners.map((p) => ({ id: p.id, href: `/partners/${p.id}`, title: p.body.name, meta: p.body.city }))}
      />
      <LinkedRows
        title={t('cards.examples', { themes: names })}
        empty={t('cards.noExamples')}
        rows={examples.map((ex) => ({ id: ex.id, href: `/voorbeelden/${ex.id}`, title: ex.body.title, meta: ex.body.municipality }))}
      />
    </div>
  );
}

interface Row {
  id: string;
  href: string;
  title: string;
  meta: string;
}

function LinkedRows({ title, empty, rows }: { title: string; empty: string; rows: Row[] }) {
  return (
    <section>
      <h2>{title}</h2>
      {rows.length === 0 ? (
        <p class="empty">{empty}</p>
      ) : (
        <ul class="list">
          {rows.map((r) => (
            <li key={r.id}>
              <Link class="list-link" href={r.href}>
                <span class="list-title">{r.title}</span>
                {r.meta && <span class="list-meta">{r.meta}</span>}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
