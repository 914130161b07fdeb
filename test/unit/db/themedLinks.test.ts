import { beforeEach, describe, expect, it } from 'vitest';
import { createExample, examplesWithThemes } from '../../../src/db/examples';
import { createPartner, partnersWithThemes } from '../../../src/db/partners';
import { emptyExampleBody } from '../../../src/model/example';
import { emptyPartnerBody } from '../../../src/model/partner';
import type { Theme } from '../../../src/model/themes';
import { freshDb } from './freshDb';

beforeEach(freshDb);

describe('partners and examples that share a theme with a reference card', () => {
  it('lists partners tagged with any of the themes, each once, alphabetically', async () => {
    const partner = (name: string, themes: Theme[]) => createPartner('org', { themes, body: { ...emptyPartnerBody(), name } });
    await partner('Sociaal Huis', ['onthaal', 'inkomen']);
    await partner('CAW', ['onthaal', 'netwerk']);
    await partner('Jeugdhuis', ['jeugd']);
    expect((await partnersWithThemes(['onthaal', 'netwerk'])).map((p) => p.body.name)).toEqual(['CAW', 'Sociaal Huis']);
    expect(await partnersWithThemes([])).toEqual([]);
  });

  it('lists examples tagged with any of the themes, newest first', async () => {
    const example = (title: string, themes: Theme[], at: string) =>
      createExample('org', { themes, body: { ...emptyExampleBody(), title } }, new Date(at));
    await example('Buurtnetwerk', ['netwerk'], '2026-01-01T10:00:00Z');
    await example('Samen onthaal', ['onthaal', 'netwerk'], '2026-02-01T10:00:00Z');
    await example('Speelplein', ['jeugd'], '2026-03-01T10:00:00Z');
    expect((await examplesWithThemes(['netwerk'])).map((e) => e.body.title)).toEqual(['Samen onthaal', 'Buurtnetwerk']);
  });
});
