import { describe, expect, it } from 'vitest';
import en from '../../../locales/en/instruments.json';
import nl from '../../../locales/nl/instruments.json';
import { INSTRUMENT_KINDS, isCaseInstrument } from '../../../src/model/instrumentRun';
import { answeredCount, answerText, basisKey, INSTRUMENTS, instrumentDefinition, isInstrumentKind, itemsOf } from '../../../src/model/instruments';

const allItems = INSTRUMENTS.flatMap(itemsOf);
const allSections = INSTRUMENTS.flatMap((d) => d.sections);
const locales = { nl: nl.instruments, en: en.instruments } as const;

describe('the instrument definitions', () => {
  it('define every instrument kind once, in the order of INSTRUMENT_KINDS', () => {
    expect(INSTRUMENTS.map((d) => d.kind)).toEqual([...INSTRUMENT_KINDS]);
  });

  it.each(INSTRUMENTS.map((d) => [d.kind, d] as const))('%s asks at least five questions', (_, definition) => {
    expect(itemsOf(definition).length).toBeGreaterThanOrEqual(5);
  });

  it('use item ids that are unique across all instruments and valid answer keys', () => {
    const ids = allItems.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of [...ids, ...allSections.map((s) => s.id)]) expect(id).toMatch(/^[a-z][a-zA-Z0-9]*$/);
    expect(ids).not.toContain('title');
  });

  it('link each instrument to a reference card that exists in both languages', async () => {
    const { existsSync } = await import('node:fs');
    for (const d of INSTRUMENTS) {
      expect(existsSync(`content/cards/nl/${d.card}.json`), d.card).toBe(true);
      expect(existsSync(`content/cards/en/${d.card}.json`), d.card).toBe(true);
    }
  });

  it('draw the special layouts where they belong: partners in a grid, a client network in an ecogram', () => {
    expect(instrumentDefinition('machts-belangenmatrix').layout).toBe('grid');
    expect(instrumentDefinition('ecogram').layout).toBe('ecogram');
    expect(isCaseInstrument('ecogram')).toBe(true);
  });

  it('ask the layered-reality checklist for a theme, and evaluate a network at three levels', () => {
    expect(itemsOf(instrumentDefinition('gelaagde-realiteit')).filter((i) => i.input === 'theme')).toHaveLength(1);
    expect(instrumentDefinition('netwerk-evaluatie').sections.map((s) => s.id)).toEqual(expect.arrayContaining(['neCommunity', 'neNetwork', 'neOrganisation']));
  });

  it('ask, for every answer of the three-level evaluation, on what it is based, under a key no question uses', () => {
    const checks = itemsOf(instrumentDefinition('netwerk-evaluatie')).filter((i) => i.input === 'check');
    expect(checks.length).toBeGreaterThan(10);
    expect(checks.filter((i) => !i.basis).map((i) => i.id)).toEqual([]);
    const ids = new Set(allItems.map((i) => i.id));
    expect(checks.map((i) => basisKey(i.id)).filter((k) => ids.has(k))).toEqual([]);
  });

  it('let the partnership agreement settle conflicts, external communication and the GDPR roles of shared data', () => {
    const ids = itemsOf(instrumentDefinition('samenwerkingsovereenkomst')).map((i) => i.id);
    expect(ids).toEqual(expect.arrayContaining(['saConflicts', 'saCommunication', 'saDataRoles']));
    expect(nl.instruments.items.saDataRoles).toMatch(/artikel 26 AVG.*artikel 28 AVG/);
  });

  it.each(['nl', 'en'] as const)('have a label for every item, section and kind in %s', (lang) => {
    const text = locales[lang];
    const items = text.items as Record<string, string>;
    const sections = text.sections as Record<string, string>;
    const kinds = text.kinds as Record<string, { name: string; purpose: string }>;
    expect(allItems.filter((i) => !items[i.id]?.trim()).map((i) => i.id)).toEqual([]);
    expect(allSections.filter((s) => !sections[s.id]?.trim()).map((s) => s.id)).toEqual([]);
    expect(INSTRUMENT_KINDS.filter((k) => !kinds[k]?.name || !kinds[k]?.purpose)).toEqual([]);
  });

  it('have no label left over from an item that no longer exists', () => {
    expect(Object.keys(nl.instruments.items).filter((id) => !allItems.some((i) => i.id === id))).toEqual([]);
  });
});

describe('answers', () => {
  const definition = instrumentDefinition('netwerk-startvragen');

  it.each([
    ['a string', 'ja', 'ja'],
    ['nothing', undefined, ''],
    ['a removed entry', null, ''],
    ['an entry of another shape', { kind: 'placement', power: 'high', interest: 'low', note: '' } as const, ''],
  ])('answerText of %s', (_, answer, expected) => {
    expect(answerText(answer)).toBe(expected);
  });

  it.each([
    [{}, 0],
    [{ title: 'Netwerk', nsKind: 'Dienstverlening' }, 1],
    [{ nsKind: 'x', nsForWhom: '   ', nsTogether: 'y', 'p:abc': null }, 2],
  ])('answeredCount(%j) = %i', (body, expected) => {
    expect(answeredCount(definition, body)).toBe(expected);
  });

  it('recognises instrument kinds from a path segment', () => {
    expect(isInstrumentKind('ecogram')).toBe(true);
    expect(isInstrumentKind('bestaat-niet')).toBe(false);
  });
});
