import type { Card, GlossaryEntry } from './cardSchema';
import type { CardLanguage } from './categories';

/** The cards of one language, in title order, and looked up by slug. */
export interface CardSet {
  lang: CardLanguage;
  cards: Card[];
  bySlug: ReadonlyMap<string, Card>;
}

// Each language is its own chunk (precached by the service worker, so this works offline): a Dutch user
// never downloads or parses the English cards, and neither enters the first screen's JavaScript.
const CHUNKS: Record<CardLanguage, () => Promise<{ cards: Card[] }>> = {
  nl: () => import('./nlCards'),
  en: () => import('./enCards'),
};

const sets = new Map<CardLanguage, Promise<CardSet>>();
let glossary: Promise<GlossaryEntry[]> | null = null;

export function loadCards(lang: CardLanguage): Promise<CardSet> {
  let set = sets.get(lang);
  if (!set) {
    set = CHUNKS[lang]().then(({ cards }) => {
      const sorted = [...cards].sort((a, b) => a.title.localeCompare(b.title, lang));
      return { lang, cards: sorted, bySlug: new Map(sorted.map((c) => [c.slug, c])) };
    });
    // A failed load (an update swapped the chunks away) must not stick: the next visit tries again.
    set.catch(() => sets.delete(lang));
    sets.set(lang, set);
  }
  return set;
}

export function loadGlossary(): Promise<GlossaryEntry[]> {
  const loading = (glossary ??= import('./glossaryContent').then((m) => m.glossary));
  loading.catch(() => (glossary = null));
  return loading;
}
