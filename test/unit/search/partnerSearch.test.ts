import { describe, expect, it } from 'vitest';
import { emptyPartnerBody, type ContactPerson, type Partner, type PartnerBody } from '../../../src/model/partner';
import type { Theme } from '../../../src/model/themes';
import { partnerSearch, type ThemeLabels } from '../../../src/search/partnerSearch';

/** The labels as the app has them on an English screen: English first, then the Dutch one. */
const LABELS: Partial<Record<Theme, [string, string]>> = {
  schulden: ['Debt', 'Schulden'],
  wonen: ['Housing', 'Wonen'],
  jeugd: ['Children and young people', 'Kinderen en jongeren'],
  psychisch: ['Mental well-being', 'Psychisch welzijn'],
};
const englishScreen: ThemeLabels = (theme) => LABELS[theme] ?? [];

const person = (name: string, role = ''): ContactPerson => ({ id: name, name, role, phone: '', email: '' });
const partner = (id: string, themes: Theme[], body: Partial<PartnerBody>): Partner => ({
  id,
  scopeId: 'org',
  createdAt: '',
  updatedAt: '',
  version: 0,
  themes,
  body: { ...emptyPartnerBody(), ...body },
});

/** Alphabetical, as the directory hands them over. */
const PARTNERS = [
  partner('budget', ['schulden'], { name: 'Budgetwinkel Oost', street: 'Kerkstraat 12', postalCode: '8000', city: 'Brugge', contacts: [person('Jozef Maës', 'budgetbegeleider')] }),
  partner('caw', ['wonen', 'psychisch'], { name: 'CAW Zuid', city: 'Sint-Niklaas', contacts: [person('Els Peeters'), person('Ann Dewulf', 'onthaal')] }),
  partner('kind', ['jeugd'], { name: 'Huis van het Kind', city: 'Gent' }),
  partner('schuld', [], { name: 'Schuldhulpverlening OCMW', city: 'Zedelgem' }),
];
const search = partnerSearch(PARTNERS, englishScreen);
const found = (query: string) => search(query).map((hit) => hit.partner.id);

describe('partner search', () => {
  it.each([
    ['by name, ignoring case', 'budgetWINKEL', ['budget']],
    ['by part of a glued Dutch word in the name', 'hulp', ['schuld']],
    ['by a theme in Dutch on an English screen', 'schulden', ['budget']],
    ['name hits before theme hits', 'schuld', ['schuld', 'budget']],
    ['by a theme in the language on screen', 'debt', ['budget']],
    ['by a theme code the label does not contain', 'jeugd', ['kind']],
    ['by a word inside a theme label', 'welzijn', ['caw']],
    ['by municipality', 'brugge', ['budget']],
    ['by a hyphenated municipality typed with a space', 'sint niklaas', ['caw']],
    ['by postal code', '8000', ['budget']],
    ['by street', 'kerkstr', ['budget']],
    ['by contact person, without the accent', 'maes', ['budget']],
    ['by contact person, with an accent typed where there is none', 'péeters', ['caw']],
    ['by a contact person’s role', 'begeleider', ['budget']],
    ['every word must be found somewhere', 'wonen gent', []],
    ['words may be found in different fields', 'wonen peeters', ['caw']],
    ['nothing for a word found nowhere', 'xylofoon', []],
  ])('%s: %s → %j', (_, query, expected) => expect(found(query)).toEqual(expected));

  it.each(['', '   ', '-?'])('an empty query (%j) returns every partner in the order given', (query) => {
    expect(found(query)).toEqual(['budget', 'caw', 'kind', 'schuld']);
  });

  it('says which contact person a hit was found in, and only then', () => {
    expect(search('peeters')[0]).toEqual({ partner: PARTNERS[1], contact: PARTNERS[1]!.body.contacts[0] });
    expect(search('dewulf')[0]!.contact?.name).toBe('Ann Dewulf');
    expect(search('caw')[0]).toEqual({ partner: PARTNERS[1] });
  });

  it('answers a query over a few thousand partners without fuss', () => {
    const many = Array.from({ length: 5000 }, (_, i) => partner(`p${i}`, i % 7 === 0 ? ['schulden'] : ['wonen'], { name: `Dienst ${i}`, city: i === 4321 ? 'Oostende' : 'Gent' }));
    const bigSearch = partnerSearch(many, englishScreen);
    expect(bigSearch('oostende').map((hit) => hit.partner.id)).toEqual(['p4321']);
    expect(bigSearch('schulden')).toHaveLength(715);
  });
});
