import { useMemo } from 'preact/hooks';
import type { Card, GlossaryEntry } from '../../cards/cardSchema';
import type { CardSet } from '../../cards/loadCards';
import { formatDay } from '../../i18n/format';
import { t } from '../../i18n/i18n';
import { linkTerms, termMatcher } from '../../search/termLinks';
import { Button } from '../../ui/Button';
import { Link } from '../../ui/Link';
import { Notice } from '../../ui/Notice';
import { audienceLabel, cardHref, categoryLabel, coreHeading } from './cardLabels';
import { CardChecklist } from './CardChecklist';
import { LinkedText } from './LinkedText';
import { ThemeLinks } from './ThemeLinks';

interface Props {
  card: Card;
  set: CardSet;
  glossary: GlossaryEntry[];
}

/**
 * A card as a reader (or a printer) sees it. Everything is rendered as text; a glossary term opens its definition in
 * place, and a checklist can be ticked on this device.
 */
export function CardView({ card, set, glossary }: Props) {
  const matcher = useMemo(() => termMatcher(glossary, set.lang), [glossary, set.lang]);
  const terms = useMemo(() => new Map(glossary.map((g) => [g.id, g])), [glossary]);
  const lang = set.lang;
  // One pass over the texts in reading order, so each term links where it first appears.
  const [summary, whenToUse, core, pitfalls] = useMemo(() => {
    const groups = [[card.summary], card.whenToUse, card.core.items, card.pitfalls];
    const linked = linkTerms(groups.flat(), matcher);
    let at = 0;
    return groups.map((g) => {
      const part = linked.slice(at, at + g.length);
      at += g.length;
      return part;
    });
  }, [card, matcher]);
  const CoreList = card.core.kind === 'steps' ? 'ol' : 'ul';
  const related = card.related.map((s) => set.bySlug.get(s)).filter((c): c is Card => !!c);

  return (
    <article class="card">
      <p class="no-print">
        <Link href="/kaarten">{t('cards.back')}</Link>
      </p>
      <h1>{card.title}</h1>
      <p class="card-summary">
        <LinkedText segments={summary![0]!} terms={terms} lang={lang} />
      </p>
      <ul class="tag-list" aria-label={t('cards.tags')}>
        <li class="tag">{categoryLabel(card.category)}</li>
        {card.audience.map((a) => (
          <li class="tag" key={a}>
            {audienceLabel(a)}
          </li>
        ))}
      </ul>
      {card.disclaimer && (
        <Notice kind="warning">
          <p class="card-disclaimer">{card.disclaimer}</p>
        </Notice>
      )}
      <section>
        <h2>{t('cards.whenToUse')}</h2>
        <ul>
          {whenToUse!.map((segments, i) => (
            <li key={i}>
              <LinkedText segments={segments} terms={terms} lang={lang} />
            </li>
          ))}
        </ul>
      </section>
      <section>
        <h2>{coreHeading(card.core.kind)}</h2>
        {card.core.kind === 'checklist' ? (
          <CardChecklist slug={card.slug} items={card.core.items} segments={core!} terms={terms} lang={lang} />
        ) : (
          <CoreList class="card-core">
            {core!.map((segments, i) => (
              <li key={i}>
                <LinkedText segments={segments} terms={terms} lang={lang} />
              </li>
            ))}
          </CoreList>
        )}
      </section>
      <section>
        <h2>{t('cards.pitfalls')}</h2>
        <ul>
          {pitfalls!.map((segments, i) => (
            <li key={i}>
              <LinkedText segments={segments} terms={terms} lang={lang} />
            </li>
          ))}
        </ul>
      </section>
      {card.themes && card.themes.length > 0 && <ThemeLinks themes={card.themes} />}
      {related.length > 0 && (
        <section class="no-print">
          <h2>{t('cards.related')}</h2>
          <ul>
            {related.map((c) => (
              <li key={c.slug}>
                <Link href={cardHref(c.slug)}>{c.title}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section class="card-sources">
        <h2>{t('cards.sources')}</h2>
        <ul data-testid="card-sources">
          {card.sources.map((s) => (
            <li key={s.url}>
              <a href={s.url} rel="noopener">
                {s.title}
              </a>
            </li>
          ))}
        </ul>
      </section>
      <p class="card-checked">{t('cards.lastChecked', { date: formatDay(card.lastChecked, 'long') })}</p>
      <div class="actions">
        <Button onClick={() => print()}>{t('common.print')}</Button>
      </div>
    </article>
  );
}
