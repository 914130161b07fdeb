import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from './pages/App';
import { axeViolations } from './support/axe';
import type { Profile } from './support/browser';
import { startServer, type RunningServer } from './support/server';
import { signedInTablet } from './support/tablet';

/**
 * Search that finds (issue 14, point 7), on a real organisation's server (DEMO=0, accounts from the admin command):
 * partners found by theme, municipality and contact person; card results on top of a phone's screen with the
 * filter chips folded away; and advice on what to try when nothing is found.
 */
let server: RunningServer;
const profiles: Profile[] = [];
let app: App;

const PARTNER_SEARCH = 'Zoek op naam, thema, gemeente of contactpersoon';
const CARD_SEARCH = 'Zoek in de handreikingen';

beforeAll(async () => {
  server = await startServer({ demo: false });
  const init = await server.admin('init', '--org', 'Gemeente Zoekdorp (fictief)', '--admin-email', 'beheer@testdorp.example', '--admin-name', 'Beheer Zoekdorp (fictief)');
  const idIn = (lines: string[]) => /created: (\S+)/.exec(lines[0] ?? '')?.[1] ?? '';
  const org = idIn(init);
  const team = idIn(await server.admin('create-team', '--org', org, '--name', 'Onthaal'));
  const out = await server.admin('create-user', '--org', org, '--email', 'fien@testdorp.example', '--name', 'Fien Testpersoon (fictief)', '--role', 'worker', '--team', team);
  const password = /\(shown once[^)]*\): (\S+)/.exec(out.join('\n'))?.[1] ?? '';
  app = await signedInTablet(server.url, { email: 'fien@testdorp.example', password }, profiles);
  await addPartner({ name: 'Budgetwinkel Oost (fictief)', city: 'Zedelgem', theme: 'Schulden', contact: 'Jozef Maës (fictief)' });
  await addPartner({ name: 'Woonwinkel West (fictief)', city: 'Brugge', theme: 'Wonen' });
});
afterAll(async () => {
  for (const profile of profiles) await profile.close();
  await server.stop();
});

async function addPartner(p: { name: string; city: string; theme: string; contact?: string }): Promise<void> {
  await app.open('/partners/nieuw');
  await app.page.getByLabel('Naam van de organisatie').fill(p.name);
  await app.page.getByLabel('Gemeente').fill(p.city);
  await app.page.getByRole('checkbox', { name: p.theme, exact: true }).check();
  if (p.contact) {
    await app.page.getByRole('button', { name: 'Contactpersoon toevoegen' }).click();
    await app.page.getByLabel('Naam', { exact: true }).fill(p.contact);
  }
  await app.page.getByRole('button', { name: 'Bewaren' }).click();
  await app.page.getByRole('heading', { level: 1, name: p.name }).waitFor();
}

/** The names in the partner results, once the count line says how many there are. */
async function partnersFound(page: Page, query: string, count: string): Promise<string[]> {
  await page.getByRole('searchbox').fill(query);
  await page.getByTestId('partner-count').getByText(count, { exact: true }).waitFor();
  return page.getByTestId('partner-results').locator('.list-title').allTextContents();
}

function insideViewport(page: Page, box: { x: number; y: number; width: number; height: number } | null): boolean {
  const size = page.viewportSize()!;
  return !!box && box.x >= 0 && box.y >= 0 && box.x + box.width <= size.width && box.y + box.height <= size.height;
}

describe('the partner search', () => {
  it('finds a partner by a theme word, a municipality and a contact person', async () => {
    await app.open('/partners');
    await app.page.getByLabel(PARTNER_SEARCH).waitFor();
    expect(await partnersFound(app.page, 'schulden', '1 partner')).toEqual(['Budgetwinkel Oost (fictief)']);
    expect(await partnersFound(app.page, 'ZEDELGEM', '1 partner')).toEqual(['Budgetwinkel Oost (fictief)']);
    expect(await partnersFound(app.page, 'maes', '1 partner')).toEqual(['Budgetwinkel Oost (fictief)']);
    // The hit says why: the person is not in the partner's name.
    await app.page.getByTestId('partner-results').getByText(/Contactpersoon: Jozef Maës/).waitFor();
    expect(await partnersFound(app.page, 'wonen brugge', '1 partner')).toEqual(['Woonwinkel West (fictief)']);
    expect(await axeViolations(app.page)).toEqual([]);
  });

  it('finds a theme by its Dutch label on an English screen too', async () => {
    await app.page.evaluate(() => localStorage.setItem('veldwerk.lang', 'en'));
    try {
      await app.open('/partners');
      await app.page.getByLabel('Search by name, theme, municipality or contact person').waitFor();
      expect(await partnersFound(app.page, 'debt', '1 partner')).toEqual(['Budgetwinkel Oost (fictief)']);
      expect(await partnersFound(app.page, 'schulden', '1 partner')).toEqual(['Budgetwinkel Oost (fictief)']);
    } finally {
      await app.page.evaluate(() => localStorage.setItem('veldwerk.lang', 'nl'));
    }
  });

  it('says what to try when nothing is found, and widens a theme filter with one button', async () => {
    await app.open('/partners');
    await partnersFound(app.page, 'xylofoonzzz', 'Geen partner gevonden voor ‘xylofoonzzz’.');
    const advice = app.page.getByTestId('search-advice');
    await advice.getByText(/Kijk de spelling na/).waitFor();
    await advice.getByText(/Zoek op een thema/).waitFor();
    expect(await axeViolations(app.page)).toEqual([]);

    await app.page.getByLabel('Thema', { exact: true }).selectOption({ label: 'Wonen' });
    await partnersFound(app.page, 'budget', 'Geen partner gevonden voor ‘budget’.');
    await advice.getByText('Je zoekt nu alleen bij het thema ‘Wonen’.').waitFor();
    const widen = advice.getByRole('button', { name: 'Zoek bij alle thema’s' });
    expect((await widen.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    await widen.click();
    await app.page.getByTestId('partner-count').getByText('1 partner', { exact: true }).waitFor();
    expect(await app.page.getByLabel('Thema', { exact: true }).inputValue()).toBe('');
    // The button went away with the advice: focus goes back to the search field, not to the top of the page.
    expect(await app.page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('search');
    await app.page.getByRole('searchbox').fill('');
  });
});

describe('the card search', () => {
  for (const size of [
    { width: 390, height: 844 },
    { width: 1180, height: 820 },
  ]) {
    it(`shows the first result on screen as soon as a query is typed, chips folded away (${size.width}×${size.height})`, async () => {
      await app.page.setViewportSize(size);
      try {
        await app.open('/kaarten');
        const privacy = app.page.getByRole('radio', { name: 'Privacy' });
        await privacy.waitFor();
        await app.page.getByLabel(CARD_SEARCH).fill('netwerk');
        const first = app.page.getByTestId('card-results').getByRole('link').first();
        await first.waitFor();
        expect(insideViewport(app.page, await first.boundingBox())).toBe(true);
        const filters = app.page.getByRole('button', { name: /^Filters/ });
        expect(await filters.getAttribute('aria-expanded')).toBe('false');
        expect(await privacy.isVisible()).toBe(false);
        expect((await filters.boundingBox())!.height).toBeGreaterThanOrEqual(44);
        expect(await axeViolations(app.page)).toEqual([]);

        await filters.click();
        expect(await filters.getAttribute('aria-expanded')).toBe('true');
        await privacy.waitFor();
        expect(await axeViolations(app.page)).toEqual([]);

        // Clearing the query brings the chips back, in their place above the list.
        await app.page.getByLabel(CARD_SEARCH).fill('');
        await app.page.getByRole('heading', { level: 2 }).first().waitFor();
        expect(await filters.count()).toBe(0);
        expect(await privacy.isVisible()).toBe(true);
      } finally {
        await app.page.setViewportSize({ width: 1024, height: 768 });
      }
    });
  }

  it('says what to try when nothing is found, and clears the filters with one button', async () => {
    await app.page.setViewportSize({ width: 390, height: 844 });
    try {
      await app.open('/kaarten');
      await app.page.getByRole('radio', { name: 'Privacy' }).check();
      await app.page.getByLabel(CARD_SEARCH).fill('xylofoonzzz');
      await app.page.getByTestId('card-count').getByText('Geen handreiking gevonden voor ‘xylofoonzzz’.').waitFor();
      await app.page.getByRole('button', { name: 'Filters (1 gekozen)' }).waitFor();
      const advice = app.page.getByTestId('search-advice');
      await advice.getByText(/Kijk de spelling na/).waitFor();
      await advice.getByText(/woordenlijst/).waitFor();
      await advice.getByText('Je zoekt nu alleen binnen de gekozen filters.').waitFor();
      // On a phone the advice starts on screen, right under the count line.
      expect(insideViewport(app.page, await advice.getByRole('listitem').first().boundingBox())).toBe(true);
      expect(await axeViolations(app.page)).toEqual([]);

      const clear = advice.getByRole('button', { name: 'Filters wissen' });
      expect((await clear.boundingBox())!.height).toBeGreaterThanOrEqual(44);
      await clear.click();
      await app.page.getByRole('button', { name: 'Filters', exact: true }).waitFor();
      expect(await app.page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('search');

      await app.page.getByLabel(CARD_SEARCH).fill('beroepsgeheim');
      await app.page.getByTestId('card-results').getByRole('link').first().waitFor();
      expect(await advice.count()).toBe(0);
      await app.page.getByLabel(CARD_SEARCH).fill('');
    } finally {
      await app.page.setViewportSize({ width: 1024, height: 768 });
    }
  });
});
