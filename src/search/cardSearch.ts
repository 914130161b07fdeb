import type { Card, GlossaryEntry } from '../cards/cardSchema';
import { prefixIndex } from './textIndex';

/** Title hits rank above summary hits, which rank above hits in the rest of the card. */
const TITLE = 100;
const SUMMARY = 10;
const BODY = 1;

/** Full-text search over one language's cards; build once per card set, then query as the user types. */
export function cardSearch(cards: readonly Card[]): (query: string) => Card[] {
  return prefixIndex(cards, (c) => [
    { weight: TITLE, texts: [c.title] },
    { weight: SUMMARY, texts: [c.summary] },
    { weight: BODY, texts: [...c.whenToUse, ...c.core.items, ...c.pitfalls] },
  ]);
}

/** Search over the glossary: the term in either language first, then the definitions. */
export function glossarySearch(entries: readonly GlossaryEntry[]): (query: string) => GlossaryEntry[] {
  return prefixIndex(entries, (g) => [
    { weight: TITLE, texts: [g.nl, g.en] },
    { weight: BODY, texts: [g.nlDef, g.enDef] },
  ]);
}
