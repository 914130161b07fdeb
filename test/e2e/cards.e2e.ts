import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Card } from '../../src/cards/cardSchema';
import { App } from './pages/App';
import { installedAndOffline, useSession } from './support/session';

/** The reference cards, read from the content files: the test checks the app against the same text. */
const SLUGS = readdirSync('content/cards/nl').map((f) => f.replace(/\.json$/, ''));
const card = (lang: 'nl' | 'en', slug: string): Card => JSON.parse(readFileSync(`content/cards/${lang}/${slug}.json`, 'utf8')) as Card;

/** Five different cards, chosen anew on every run; the choice is logged so a failure can be replayed. */
function fiveAtRandom(): string[] {
  const pool = [...SLUGS];
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, 5);
}

/** The cards added for the 2026 update (issue 15): each must open offline by its address and be found by search. */
const NEW_CARDS = [
  'rechtencheck',
  'schuldhulp',
  'geweld-en-kindermishandeling',
  'kinderarmoede-huis-van-het-kind',
  'eerstelijnszone-en-zorgraad',
  'vermaatschappelijking-en-mantelzorg',
  'outreachend-werken',
  'wonen-en-dakloosheid',
  'casusoverleg-voorzitten',
  'sociaal-tolk',
];
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const session = useSession();
let app: App;

beforeAll(async () => {
  ({ app } = session());
  await installedAndOffline(session());
});

async function openCard(slug: string, title: string): Promise<void> {
  await app.open(`/kaarten/${slug}`);
  await app.page.getByRole('heading', { level: 1, name: title, exact: true }).waitFor();
}

describe('reference cards, offline', () => {
  it('five cards chosen at random open by their deep links and show title and sources', async () => {
    const chosen = fiveAtRandom();
    console.log(`cards opened: ${chosen.join(', ')}`);
    for (const slug of chosen) {
      const c = card('nl', slug);
      await openCard(slug, c.title);
      const sources = app.page.getByTestId('card-sources');
      for (const s of c.sources) {
        expect(await sources.getByRole('link', { name: s.title, exact: true }).first().getAttribute('href')).toBe(s.url);
      }
      expect(await app.page.getByText(/Feiten laatst nagekeken op/).count()).toBe(1);
    }
  });

  it('opens each new card by its deep link offline, with its sources, and finds it by searching its title', async () => {
    for (const slug of NEW_CARDS) {
      const c = card('nl', slug);
      await openCard(slug, c.title);
      const sources = app.page.getByTestId('card-sources');
      for (const s of c.sources) {
        expect(await sources.getByRole('link', { name: s.title, exact: true }).first().getAttribute('href')).toBe(s.url);
      }
    }
    await app.open('/kaarten');
    const field = app.page.getByLabel('Zoek in de handreikingen');
    const results = app.page.getByTestId('card-results');
    for (const slug of NEW_CARDS) {
      const { title } = card('nl', slug);
      await field.fill(title.replace(/[:,()]/g, ' '));
      await results.getByRole('link', { name: new RegExp(escape(title)) }).waitFor();
    }
    await field.fill('');
  });

  it('searches as you type, ignoring case and accents, with prefixes', async () => {
    await app.open('/kaarten');
    const field = app.page.getByLabel('Zoek in de handreikingen');
    const results = app.page.getByTestId('card-results');
    await field.fill('BEROEPSG');
    await results.getByRole('link', { name: /Beroepsgeheim: de basis/ }).waitFor();
    expect(await results.locator('.list-title').first().textContent()).toBe('Beroepsgeheim: de basis');
    await field.fill('geintegreerd');
    await results.getByRole('link', { name: /Geïntegreerd breed onthaal/ }).waitFor();
    await field.fill('netw gov');
    await results.getByRole('link', { name: /Drie governancevormen van netwerken/ }).waitFor();
    await field.fill('xylofoonzzz');
    await app.page.getByText(/Geen handreiking gevonden voor ‘xylofoonzzz’/).waitFor();
    await field.fill('');
  });

  it('filters by topic and audience with large choices', async () => {
    await app.open('/kaarten');
    const privacy = SLUGS.filter((s) => card('nl', s).category === 'privacy').length;
    await app.page.getByRole('radio', { name: 'Privacy' }).check();
    await app.page.getByTestId('card-count').getByText(`${privacy} handreikingen`).waitFor();
    const chip = await app.page.locator('label.chip', { hasText: 'Privacy' }).boundingBox();
    expect(chip!.height).toBeGreaterThanOrEqual(44);
    await app.page.getByRole('radio', { name: 'Coördinator' }).check();
    await app.page.getByRole('radio', { name: 'Alle onderwerpen' }).check();
    const forCoordinators = SLUGS.filter((s) => (card('nl', s).audience as string[]).includes('coordinator')).length;
    await app.page.getByTestId('card-count').getByText(`${forCoordinators} handreikingen`).waitFor();
    await app.page.getByRole('radio', { name: 'Iedereen' }).check();
  });

  it('remembers the cards opened last on this device', async () => {
    await openCard('ecogram', 'Ecogram');
    await app.open('/kaarten');
    const recent = app.page.locator('section', { has: app.page.getByRole('heading', { name: 'Onlangs geopend' }) });
    await recent.getByRole('link').first().waitFor();
    expect(await recent.locator('.list-title').first().textContent()).toBe('Ecogram');
  });

  it('opens a glossary term of a card in place, links it to its entry, and the glossary is searchable offline', async () => {
    await openCard('geintegreerd-breed-onthaal', 'Geïntegreerd breed onthaal (GBO)');
    await app.page.locator('article button.term-button', { hasText: 'onderbescherming' }).first().click();
    await app.page.getByRole('group', { name: 'Uitleg bij ‘onderbescherming’' }).getByRole('link', { name: /^Volledige uitleg/ }).click();
    await app.page.waitForURL('**/woordenlijst/onderbescherming');
    await app.page.locator('#term-onderbescherming.term-target').waitFor();
    expect(await app.page.evaluate(() => document.activeElement?.id)).toBe('term-onderbescherming');

    await app.open('/woordenlijst');
    await app.page.getByRole('heading', { level: 1, name: 'Woordenlijst' }).waitFor();
    const all = await app.page.getByTestId('glossary').locator('li').count();
    await app.page.getByLabel('Zoek een begrip').fill('ONDERBESCH');
    await app.page.waitForFunction((n) => document.querySelectorAll('[data-testid=glossary] li').length < n, all);
    // The term itself ranks above definitions that mention it.
    expect(await app.page.getByTestId('glossary').getByRole('heading', { level: 2 }).first().textContent()).toBe('onderbescherming');
  });

  it('lists the demo partners and practice examples that share a theme, and the example links back', async () => {
    await openCard('geintegreerd-breed-onthaal', 'Geïntegreerd breed onthaal (GBO)');
    const links = app.page.getByTestId('card-theme-links');
    await links.getByRole('link', { name: /Sociaal Huis Voorbeeldstad/ }).waitFor();
    await links.getByRole('link', { name: /CAW Voorbeeldregio/ }).waitFor();
    await links.getByRole('link', { name: /Samen rechten verkennen/ }).waitFor();

    await openCard('soorten-netwerken', 'Soorten netwerken naar doel');
    await links.getByRole('link', { name: /Buurtcentrum De Linde/ }).waitFor();
    await links.getByRole('link', { name: /Een zorgzame buurt rond het buurtcentrum/ }).click();
    await app.page.getByRole('heading', { level: 1, name: /Een zorgzame buurt/ }).waitFor();
    await app.page.getByTestId('example-cards').getByRole('link', { name: 'Soorten netwerken naar doel' }).waitFor();
  });

  it('says clearly when a card does not exist, with a way back', async () => {
    await app.open('/kaarten/bestaat-niet');
    await app.page.getByRole('heading', { level: 1, name: 'Handreiking niet gevonden' }).waitFor();
    await app.page.getByRole('link', { name: 'Alle handreikingen' }).click();
    await app.page.getByRole('heading', { level: 1, name: 'Handreikingen' }).waitFor();
  });

  it('prints a card without navigation or buttons, with the source addresses', async () => {
    await openCard('beroepsgeheim', 'Beroepsgeheim: de basis');
    await app.page.emulateMedia({ media: 'print' });
    try {
      const shown = (selector: string) => app.page.locator(selector).first().evaluate((el) => getComputedStyle(el).display !== 'none');
      expect(await shown('nav')).toBe(false);
      expect(await shown('.shell-header')).toBe(false);
      expect(await shown('article .actions')).toBe(false);
      expect(await shown('article .notice')).toBe(true);
      const after = await app.page.getByTestId('card-sources').locator('a').first().evaluate((a) => getComputedStyle(a, '::after').content);
      expect(after).toContain(card('nl', 'beroepsgeheim').sources[0]!.url);
    } finally {
      await app.page.emulateMedia({ media: 'screen' });
    }
  });

  it('shows the same card in the other language after switching', async () => {
    await openCard('beroepsgeheim', 'Beroepsgeheim: de basis');
    await app.page.getByRole('navigation').getByRole('link', { name: 'Instellingen' }).click();
    await app.page.getByLabel('Taal').selectOption('en');
    await app.page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    await app.page.goBack();
    await app.page.getByRole('heading', { level: 1, name: card('en', 'beroepsgeheim').title, exact: true }).waitFor();
    await app.page.getByText(/Facts last checked on/).waitFor();
    await app.page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
    await app.page.getByLabel('Language').selectOption('nl');
    await app.page.getByRole('heading', { level: 1, name: 'Instellingen' }).waitFor();
  });
});
