import { readdirSync, readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Card } from '../../../src/cards/cardSchema';
import { cardTicks, checklistIds, saveCardTicks, ticksIn, withTick } from '../../../src/features/cards/cardChecks';
import { freshDb } from '../db/freshDb';

beforeEach(freshDb);

const [a, b, c] = checklistIds(['Vraag toestemming.', 'Noteer wie wat weet.', 'Spreek een datum af.']);

describe('checklist item ids', () => {
  it.each<[string, string[], string[], (before: string[], after: string[]) => void]>([
    ['an item keeps its id when one is added before it', ['A', 'B'], ['Z', 'A', 'B'], (x, y) => expect(y.slice(1)).toEqual(x)],
    ['an item keeps its id when the one before it is removed', ['A', 'B', 'C'], ['A', 'C'], (x, y) => expect(y).toEqual([x[0], x[2]])],
    ['a reworded item gets another id', ['Bel de huisarts.'], ['Bel de huisarts of de wijkverpleging.'], (x, y) => expect(y[0]).not.toBe(x[0])],
    ['spacing around and inside the text does not change the id', ['Bel  de huisarts. '], ['Bel de huisarts.'], (x, y) => expect(y).toEqual(x)],
    ['case does change it (it is other text)', ['bel'], ['Bel'], (x, y) => expect(y).not.toEqual(x)],
    ['the same text twice in one list gets two ids', ['A', 'A'], ['A', 'A'], (x) => expect(new Set(x).size).toBe(2)],
  ])('%s', (_what, before, after, expectation) => expectation(checklistIds(before), checklistIds(after)));

  it('is unique within every checklist card of both languages', () => {
    for (const lang of ['nl', 'en']) {
      for (const file of readdirSync(`content/cards/${lang}`)) {
        const card = JSON.parse(readFileSync(`content/cards/${lang}/${file}`, 'utf8')) as Card;
        const ids = checklistIds(card.core.items);
        expect(new Set(ids).size, `${lang}/${file}`).toBe(ids.length);
      }
    }
  });
});

describe('ticks', () => {
  it.each<[string[], string, boolean, string[]]>([
    [[], a!, true, [a!]],
    [[a!], b!, true, [a!, b!]],
    [[a!, b!], a!, true, [b!, a!]],
    [[a!, b!], a!, false, [b!]],
    [[b!], a!, false, [b!]],
  ])('%j, tick %s → %s gives %j', (ticks, id, on, expected) => expect(withTick(ticks, id, on)).toEqual(expected));

  it('a tick whose item left the list is not shown, and never lands on another item', () => {
    const stored = [a!, 'gone-item', c!];
    expect([...ticksIn(stored, [a!, b!])]).toEqual([a!]);
    expect(ticksIn(stored, checklistIds(['Vraag toestemming.', 'Een nieuw punt.'])).size).toBe(1);
  });

  it('are kept per card on the device, and cleared per card', async () => {
    await saveCardTicks('casusoverleg', [a!, c!]);
    await saveCardTicks('beroepsgeheim', [b!]);
    expect(await cardTicks('casusoverleg')).toEqual([a!, c!]);
    await saveCardTicks('casusoverleg', []);
    expect(await cardTicks('casusoverleg')).toEqual([]);
    expect(await cardTicks('beroepsgeheim')).toEqual([b!]);
    expect(await cardTicks('nooit-geopend')).toEqual([]);
  });
});
