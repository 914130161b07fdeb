import { describe, expect, it } from 'vitest';
import type { GlossaryEntry } from '../../../src/cards/cardSchema';
import { glossary } from '../../../src/cards/glossaryContent';
import { cards } from '../../../src/cards/nlCards';
import { linkTerms, termMatcher, termVariants, type Segment } from '../../../src/search/termLinks';

const entry = (id: string, nl: string, en = id): GlossaryEntry => ({ id, nl, en, nlDef: 'x', enDef: 'x', cards: [] });
const matcher = termMatcher(
  [
    entry('beroepsgeheim', 'beroepsgeheim'),
    entry('gedeeld', 'gedeeld beroepsgeheim'),
    entry('gbo', 'geïntegreerd breed onthaal (GBO)'),
    entry('gemeente', 'gemeente'),
    entry('regie', 'regie'),
    entry('koker', 'koker / verkokering'),
  ],
  'nl',
);
/** Segments written compactly: linked parts as [text](id). */
const show = (segments: Segment[][]) => segments.map((s) => s.map((p) => (p.termId ? `[${p.text}](${p.termId})` : p.text)).join(''));

describe('termVariants', () => {
  it.each([
    ['koker / verkokering', ['koker', 'verkokering']],
    ['geïntegreerd breed onthaal (GBO)', ['geïntegreerd breed onthaal', 'GBO']],
    ['OCMW (Openbaar Centrum voor Maatschappelijk Welzijn)', ['OCMW', 'Openbaar Centrum voor Maatschappelijk Welzijn']],
    ['ziekenfonds', ['ziekenfonds']],
    ['right / duty to speak', ['right to speak', 'duty to speak']],
    ['network manager / coordinator', ['network manager', 'network coordinator']],
    ['partnership agreement (formal)', ['partnership agreement']],
    ['taai vraagstuk (wicked problem)', ['taai vraagstuk', 'wicked problem']],
  ])('%s → %j', (term, expected) => expect(termVariants(term)).toEqual(expected));
});

describe('linkTerms', () => {
  it.each([
    ['links a term ignoring case and accents', ['Het Geintegreerd Breed Onthaal helpt.'], ['Het [Geintegreerd Breed Onthaal](gbo) helpt.']],
    ['links an abbreviation', ['Vraag het aan GBO-partners.'], ['Vraag het aan [GBO](gbo)-partners.']],
    ['keeps accents of the original text', ['Het geïntegreerd breed onthaal.'], ['Het [geïntegreerd breed onthaal](gbo).']],
    ['only whole words, not inside another word', ['De regierol en beroepsgeheimkwesties.'], ['De regierol en beroepsgeheimkwesties.']],
    ['a plural inflection still links', ['Alle gemeenten doen mee.'], ['Alle [gemeenten](gemeente) doen mee.']],
    ['the longest term wins where two overlap', ['Het gedeeld beroepsgeheim geldt.'], ['Het [gedeeld beroepsgeheim](gedeeld) geldt.']],
    [
      'only the first occurrence per card, across texts',
      ['Regie is sturen.', 'Goede regie vraagt tijd, regie ook.'],
      ['[Regie](regie) is sturen.', 'Goede regie vraagt tijd, regie ook.'],
    ],
    [
      'a second occurrence of a long term does not let a shorter one inside it link',
      ['Gedeeld beroepsgeheim.', 'Weer gedeeld beroepsgeheim.'],
      ['[Gedeeld beroepsgeheim](gedeeld).', 'Weer gedeeld beroepsgeheim.'],
    ],
    ['either spelling of a term', ['Verkokering remt.'], ['[Verkokering](koker) remt.']],
    ['text without terms is one plain segment', ['Niets te zien.'], ['Niets te zien.']],
  ])('%s', (_, texts, expected) => expect(show(linkTerms(texts, matcher))).toEqual(expected));

  it('never changes the text: segments join to the original', () => {
    const real = termMatcher(glossary, 'nl');
    for (const card of cards) {
      const texts = [card.summary, ...card.whenToUse, ...card.core.items, ...card.pitfalls];
      expect(linkTerms(texts, real).map((s) => s.map((p) => p.text).join(''))).toEqual(texts);
    }
  });

  it('links real glossary terms in a real card, each once', () => {
    const card = cards.find((c) => c.slug === 'geintegreerd-breed-onthaal')!;
    const linked = linkTerms([card.summary, ...card.core.items], termMatcher(glossary, 'nl')).flat().filter((s) => s.termId);
    expect(linked.map((s) => s.termId)).toContain('ocmw');
    expect(new Set(linked.map((s) => s.termId)).size).toBe(linked.length);
  });
});
