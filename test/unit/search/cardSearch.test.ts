import { describe, expect, it } from 'vitest';
import { cards as enCards } from '../../../src/cards/enCards';
import { glossary } from '../../../src/cards/glossaryContent';
import { cards as nlCards } from '../../../src/cards/nlCards';
import type { Card } from '../../../src/cards/cardSchema';
import { cardSearch, glossarySearch } from '../../../src/search/cardSearch';
import { words } from '../../../src/search/textIndex';

const searchNl = cardSearch(nlCards);
const searchEn = cardSearch(enCards);
const slugs = (found: Card[]) => found.map((c) => c.slug);

describe('words', () => {
  it.each([
    ['Geïntegreerd breed onthaal (GBO)', ['geintegreerd', 'breed', 'onthaal', 'gbo']],
    ['regie-instrumenten, ÉÉN kader', ['regie', 'instrumenten', 'een', 'kader']],
    ['  ', []],
  ])('%s → %j', (text, expected) => expect(words(text)).toEqual(expected));
});

describe('card search (nl)', () => {
  it.each([
    ['ignores accents: geintegreerd', 'geintegreerd', 'geintegreerd-breed-onthaal'],
    ['ignores case and matches a prefix: BEROEPSG', 'BEROEPSG', 'beroepsgeheim'],
    ['matches accented input against accented text', 'coöperatie', 'cooperatie-coordinatie-collaboratie'],
    ['matches unaccented input against accented text', 'cooperatie', 'cooperatie-coordinatie-collaboratie'],
    ['every word must prefix-match: netw gov', 'netw gov', 'governancevormen-netwerken'],
    ['finds a word of the body', 'ecokaart', 'ecogram'],
  ])('%s', (_, query, slug) => expect(slugs(searchNl(query))).toContain(slug));

  it('ranks a title hit first: "beroepsgeheim" puts the card of that name on top', () => {
    expect(slugs(searchNl('beroepsgeheim'))[0]).toBe('beroepsgeheim');
  });

  /** Minimal cards: only the searched fields matter. */
  const made = (slug: string, title: string, summary: string, body: string): Card => ({
    ...nlCards[0]!,
    slug,
    title,
    summary,
    whenToUse: [body],
    core: { kind: 'steps', items: ['x'] },
    pitfalls: ['x'],
  });

  it('ranks title above summary above body', () => {
    const cards = [made('body', 'A', 'B', 'zoekwoord'), made('summary', 'A', 'zoekwoord', 'x'), made('title', 'Zoekwoord', 'B', 'x')];
    expect(slugs(cardSearch(cards)('zoekw'))).toEqual(['title', 'summary', 'body']);
  });

  it('requires every word: "netw gov" finds only cards with both', () => {
    const found = searchNl('netw gov');
    expect(found.length).toBeGreaterThan(0);
    expect(found.length).toBeLessThan(searchNl('netw').length);
  });

  it('matches word prefixes only, not the middle of a word', () => {
    const search = cardSearch([made('a', 'Beroepsgeheim', 'x', 'x'), made('b', 'Geheimen', 'x', 'x')]);
    expect(slugs(search('geheim'))).toEqual(['b']);
  });

  it('an empty or blank query returns every card in its order', () => {
    expect(searchNl('')).toEqual(nlCards);
    expect(searchNl('  ,  ')).toEqual(nlCards);
  });

  it('no hit gives an empty list', () => {
    expect(searchNl('xylofoonzzz')).toEqual([]);
    expect(searchNl('beroepsgeheim xylofoonzzz')).toEqual([]);
  });
});

describe('card search (en)', () => {
  it.each([
    ['professional secr', 'beroepsgeheim'],
    ['ECOMAP', 'ecogram'],
    ['integrated broad', 'geintegreerd-breed-onthaal'],
  ])('%s finds %s', (query, slug) => expect(slugs(searchEn(query))).toContain(slug));
});

describe('glossary search', () => {
  const search = glossarySearch(glossary);
  const ids = (q: string) => search(q).map((g) => g.id);

  it.each([
    ['a Dutch term without accents', 'hierarchische', 'hierarchische-macht'],
    ['an English term', 'non-take', 'onderbescherming'],
    ['an abbreviation in any case', 'gbo', 'gbo'],
  ])('finds %s', (_, query, id) => expect(ids(query)).toContain(id));

  it('ranks a term hit above a definition hit', () => {
    expect(ids('beroepsgeheim')[0]).toBe('beroepsgeheim');
  });

  it('an empty query lists all terms; nonsense none', () => {
    expect(search('')).toHaveLength(glossary.length);
    expect(search('qqqzzz')).toEqual([]);
  });
});
