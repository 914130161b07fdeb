import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { App } from './pages/App';
import { axeViolations } from './support/axe';
import type { Profile } from './support/browser';
import { startServer, type RunningServer } from './support/server';
import { signedInTablet } from './support/tablet';
import { makeOrganisation } from './support/organisation';
import { showIn, showAsAtStart } from './support/runs';

/**
 * The phone layout and the sync state you can see (issue 14, points 5 and 6), on a real organisation's server
 * (DEMO=0, accounts made by the admin command, two teams): a compact header and a bottom tab bar with "Meer" on a
 * phone, today's header on a tablet; a form's save bar that never covers the focused field; offline, waiting,
 * all sent and refused, each with its words, and the list of what waits and what was refused. In Dutch and
 * English, on a phone and a tablet, with axe on every state.
 */
let server: RunningServer;
const profiles: Profile[] = [];
let app: App;

beforeAll(async () => {
  server = await startServer({ demo: false });
  const organisation = await makeOrganisation(server, 'Gemeente Zakformaat', 'zakformaat.example', ['Thuiszorg', 'Schuldhulp']);
  const noor = await organisation.person('noor', 'Noor Testpersoon (fictief)', 'worker', ['Thuiszorg', 'Schuldhulp']);
  app = await signedInTablet(server.url, noor, profiles);
});
afterAll(async () => {
  for (const profile of profiles) await profile.close();
  await server.stop();
});

const WORDS = {
  nl: {
    main: [
      ['Dossiers', '/'],
      ['Opvolging', '/opvolging'],
      ['Partners', '/partners'],
      ['Handreikingen', '/kaarten'],
    ],
    more: [
      ['Praktijkvoorbeelden', '/voorbeelden'],
      ['Instrumenten', '/instrumenten'],
      ['Instellingen', '/instellingen'],
    ],
    moreButton: 'Meer',
    lock: 'Vergrendelen',
    caseLabel: 'Naam van het dossier',
    save: 'Bewaren',
    saveNote: 'Notitie bewaren',
    facts: 'Wat zag en hoorde je?',
    syncNow: 'Nu synchroniseren',
    offline: 'Offline',
    offlineOneWaiting: 'Offline · 1 wacht',
    allSent: 'Alles verstuurd',
    synced: /^Gesynchroniseerd \d{2}:\d{2}$/,
    refused: '1 geweigerd',
    listTitle: 'Te versturen',
    newCase: 'Dossier · nieuw',
    nothingWaits: 'Niets wacht om verstuurd te worden.',
    refusedTitle: 'Wijzigingen die niet aankwamen',
    teamRemoved: /^Je hoort niet meer bij het team van deze wijziging/,
  },
  en: {
    main: [
      ['Cases', '/'],
      ['Follow-up', '/opvolging'],
      ['Partners', '/partners'],
      ['Guides', '/kaarten'],
    ],
    more: [
      ['Practice examples', '/voorbeelden'],
      ['Instruments', '/instrumenten'],
      ['Settings', '/instellingen'],
    ],
    moreButton: 'More',
    lock: 'Lock',
    caseLabel: 'Name of the case',
    save: 'Save',
    saveNote: 'Save note',
    facts: 'What did you see and hear?',
    syncNow: 'Sync now',
    offline: 'Offline',
    offlineOneWaiting: 'Offline · 1 waiting',
    allSent: 'All sent',
    synced: /^Synced \d{2}:\d{2}$/,
    refused: '1 refused',
    listTitle: 'To be sent',
    newCase: 'Case · new',
    nothingWaits: 'Nothing is waiting to be sent.',
    refusedTitle: 'Changes that did not arrive',
    teamRemoved: /^You are no longer in the team this change/,
  },
} as const;

const TABLET = { width: 1180, height: 820 };
const PHONE = { width: 390, height: 844 };
const RUNS = [
  { lang: 'nl', size: PHONE },
  { lang: 'nl', size: TABLET },
  { lang: 'en', size: PHONE },
  { lang: 'en', size: TABLET },
] as const;

/** In-app navigation, as a tap on a link does it: no page load, so an offline test needs no unlock. */
async function go(page: Page, path: string): Promise<void> {
  await page.evaluate((p) => {
    history.pushState(null, '', p);
    dispatchEvent(new PopStateEvent('popstate'));
  }, path);
  await page.waitForURL((url) => url.pathname === path);
}

const pathOf = (page: Page) => new URL(page.url()).pathname;
const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? null);

describe.each(RUNS)('$lang at $size.width×$size.height', ({ lang, size }) => {
  const w = WORDS[lang];
  const phone = size.width === PHONE.width;
  const tag = `${lang}-${size.width}`;

  beforeAll(async () => {
    await showIn(app.page, lang, size);
    await app.open('/');
  });
  afterAll(async () => {
    await app.page.context().setOffline(false);
    await showAsAtStart(app.page);
  });

  it(phone ? 'a compact header and a bottom tab bar reach the four places, and "Meer" the rest' : 'the tablet keeps its header: every place inline, no "Meer"', async () => {
    const page = app.page;
    const nav = page.getByRole('navigation');
    await page.getByTestId('sync-badge').waitFor();
    const header = (await page.locator('header.shell-header').boundingBox())!;
    const bar = (await nav.boundingBox())!;
    for (const [name] of w.main) expect((await nav.getByRole('link', { name, exact: true }).boundingBox())!.height).toBeGreaterThanOrEqual(44);
    expect((await page.getByTestId('sync-badge').boundingBox())!.height).toBeGreaterThanOrEqual(44);
    const more = nav.getByRole('button', { name: w.moreButton });
    if (!phone) {
      // Today's header: the menu under it, every entry inline.
      expect(bar.y).toBeLessThan(size.height / 2);
      expect(await more.isVisible()).toBe(false);
      for (const [name, path] of w.more) {
        await nav.getByRole('link', { name, exact: true }).click();
        await page.waitForURL((url) => url.pathname === path);
      }
      await nav.getByRole('link', { name: w.main[0][0], exact: true }).click();
      return;
    }
    // The header and the tab bar together take at most a quarter of the screen; the bar sits at its bottom.
    expect(header.height + bar.height, `header ${header.height} + tab bar ${bar.height}`).toBeLessThanOrEqual(size.height * 0.25);
    expect(Math.round(bar.y + bar.height)).toBe(size.height);
    expect(header.y).toBe(0);
    for (const [name, path] of [...w.main.slice(1), w.main[0]]) {
      await nav.getByRole('link', { name, exact: true }).click();
      await page.waitForURL((url) => url.pathname === path);
      await page.locator('main h1').first().waitFor();
      expect(await nav.getByRole('link', { name, exact: true }).getAttribute('aria-current')).toBe('page');
    }
    // The rest is behind "Meer": hidden until it opens, then its first entry has the focus.
    expect(await nav.getByRole('link', { name: w.more[0][0] }).isVisible()).toBe(false);
    expect((await more.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    await more.click();
    expect(await more.getAttribute('aria-expanded')).toBe('true');
    await nav.getByRole('link', { name: w.more[0][0] }).waitFor();
    await page.waitForFunction((name) => document.activeElement?.textContent === name, w.more[0][0]);
    await nav.getByRole('button', { name: w.lock }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    // Escape closes it and gives the focus back to "Meer".
    await page.keyboard.press('Escape');
    await nav.getByRole('button', { name: w.moreButton, expanded: false }).waitFor();
    expect(await nav.getByRole('link', { name: w.more[0][0] }).isVisible()).toBe(false);
    expect(await focusedText(page)).toBe(w.moreButton);
    // By keyboard: Enter opens it, and each of the rest is reached; choosing one closes the menu.
    for (const [name, path] of w.more) {
      await more.focus();
      await page.keyboard.press('Enter');
      const entry = nav.getByRole('link', { name, exact: true });
      await entry.waitFor();
      expect((await entry.boundingBox())!.height).toBeGreaterThanOrEqual(44);
      await entry.click();
      await page.waitForURL((url) => url.pathname === path);
      await nav.getByRole('button', { name: w.moreButton, expanded: false }).waitFor();
      expect(await entry.isVisible()).toBe(false);
    }
    await nav.getByRole('link', { name: w.main[0][0], exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/');
  });

  it('a field focused low on the visit note is not covered by the save bar; on a phone the tab bar hides while typing', async () => {
    const page = app.page;
    await go(page, '/dossiers/nieuw');
    const label = `Gezin Zak ${tag} (fictief)`;
    await page.getByLabel('Team', { exact: true }).selectOption({ label: 'Thuiszorg' });
    await page.getByLabel(w.caseLabel).fill(label);
    await page.getByRole('button', { name: w.save, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: label }).waitFor();
    const caseId = decodeURIComponent(pathOf(page).split('/').pop()!);
    await go(page, `/dossiers/${encodeURIComponent(caseId)}/bezoek`);
    const saveBar = page.locator('.actions-sticky');
    await saveBar.getByRole('button', { name: w.saveNote }).waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    const nav = page.getByRole('navigation');
    for (const field of [page.locator('main form textarea').last(), page.locator('main form input[type=text]').last()]) {
      // The field at the bottom edge of the screen, where the save bar is: on screen, so the browser sees no need
      // to scroll it into view when it gets the focus, and covered by the bar until the app moves it.
      await field.evaluate((el) => window.scrollBy(0, el.getBoundingClientRect().bottom - window.innerHeight + 2));
      const [before, barBefore] = [(await field.boundingBox())!, (await saveBar.boundingBox())!];
      expect(before.y + before.height).toBeGreaterThan(barBefore.y);
      await field.focus();
      // Wait for the page to settle with the field clear of the bar (it fails when the bar keeps covering it).
      await page.waitForFunction(() => {
        const el = document.activeElement;
        const bar = document.querySelector('.actions-sticky');
        if (!el || !bar) return false;
        const f = el.getBoundingClientRect();
        return f.top >= 0 && f.bottom <= bar.getBoundingClientRect().top + 0.5;
      });
      const [fieldBox, barBox] = [(await field.boundingBox())!, (await saveBar.boundingBox())!];
      expect(fieldBox.y + fieldBox.height).toBeLessThanOrEqual(barBox.y + 0.5);
      expect(barBox.y + barBox.height).toBeLessThanOrEqual(size.height + 0.5);
      await page.keyboard.type('x');
      if (phone) expect(await nav.isVisible()).toBe(false);
      else expect(await nav.isVisible()).toBe(true);
      await page.evaluate(() => window.scrollTo(0, 0));
    }
    // The keyboard goes down (the field loses the focus): the tab bar is back, and the save bar sits above it.
    await page.locator('main h1').click();
    await nav.waitFor();
    if (phone) {
      await page.waitForFunction(() => document.querySelector('.actions-sticky')!.getBoundingClientRect().bottom <= document.querySelector('nav')!.getBoundingClientRect().top + 0.5);
      const [navBox, barBox] = [(await nav.boundingBox())!, (await saveBar.boundingBox())!];
      expect(barBox.y + barBox.height).toBeLessThanOrEqual(navBox.y + 0.5);
    }
    // Typing, then a tap on the save bar's button: it lands (nothing moves under the finger), and the note is saved.
    await page.getByLabel(w.facts).fill(`Brief van de huisbaas ${tag}`);
    await saveBar.getByRole('button', { name: w.saveNote }).click();
    await page.waitForURL((url) => url.pathname === `/dossiers/${encodeURIComponent(caseId)}`);
  });

  it('offline, a change waits and the list names it; back online everything is sent, with the time', async () => {
    const page = app.page;
    const badge = page.getByTestId('sync-badge');
    await go(page, '/');
    // The case made above has gone out first: nothing waits when the connection drops.
    await page.getByRole('button', { name: w.syncNow }).click();
    await badge.getByText(w.allSent, { exact: true }).waitFor({ timeout: 20_000 });
    await page.context().setOffline(true);
    await badge.getByText(w.offline, { exact: true }).waitFor();
    expect(await badge.getAttribute('class')).toContain('sync-offline');
    expect(await axeViolations(page)).toEqual([]);

    await go(page, '/dossiers/nieuw');
    const label = `Gezin Onderweg ${tag} (fictief)`;
    await page.getByLabel('Team', { exact: true }).selectOption({ label: 'Thuiszorg' });
    await page.getByLabel(w.caseLabel).fill(label);
    await page.getByRole('button', { name: w.save, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: label }).waitFor();
    await badge.getByText(w.offlineOneWaiting, { exact: true }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // "1 wacht" opens the list: what it is (a new case), which case, and when.
    await badge.click();
    await page.waitForURL((url) => url.pathname === '/wachtrij');
    await page.getByRole('heading', { level: 1, name: w.listTitle }).waitFor();
    const item = page.getByTestId('waiting-list').getByRole('listitem');
    await item.getByText(w.newCase).waitFor();
    expect(await item.count()).toBe(1);
    await item.getByRole('link', { name: label }).waitFor();
    expect(await item.getByText(/\d{2}:\d{2}/).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    await page.context().setOffline(false);
    await page.getByRole('button', { name: w.syncNow }).click();
    // Back online starts a round by itself, and the click during it asks for one more after it: between the two
    // the badge says "all sent" and then "syncing" again. What counts is how it ends.
    await page.locator('[data-testid="sync-badge"].sync-sent').waitFor({ timeout: 20_000 });
    await badge.getByText(w.allSent, { exact: true }).waitFor();
    await badge.getByText(w.synced).waitFor();
    await page.getByText(w.nothingWaits).waitFor();
    expect(await page.getByTestId('waiting-list').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe('a change the server refused', () => {
  afterAll(async () => {
    await app.page.context().setOffline(false);
    await showAsAtStart(app.page);
  });

  it('shows as refused, and the list says why (nl on a phone, en on a tablet)', async () => {
    const page = app.page;
    await page.setViewportSize(PHONE);
    await app.open('/');
    // Offline, a case is made in Schuldhulp; meanwhile Noor is taken out of that team.
    await page.context().setOffline(true);
    await page.getByTestId('sync-badge').getByText('Offline', { exact: true }).waitFor();
    await go(page, '/dossiers/nieuw');
    await page.getByLabel('Team', { exact: true }).selectOption({ label: 'Schuldhulp' });
    await page.getByLabel('Naam van het dossier').fill('Gezin Geweigerd (fictief)');
    await page.getByRole('button', { name: 'Bewaren', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Gezin Geweigerd (fictief)' }).waitFor();
    await server.admin('remove-membership', '--email', 'noor@zakformaat.example', '--team', 'Schuldhulp');
    // The app opens again, still offline, then finds the connection: its new session knows the teams Noor has now.
    await app.open('/');
    await page.context().setOffline(false);
    await page.getByRole('button', { name: 'Nu synchroniseren' }).click();
    const badge = page.getByTestId('sync-badge');
    await badge.getByText(WORDS.nl.refused, { exact: true }).waitFor({ timeout: 20_000 });
    expect(await badge.getAttribute('class')).toContain('sync-refused');
    expect(await axeViolations(page)).toEqual([]);

    await badge.click();
    await page.waitForURL((url) => url.pathname === '/wachtrij');
    await page.getByRole('heading', { level: 2, name: WORDS.nl.refusedTitle }).waitFor();
    await page.getByText(WORDS.nl.teamRemoved).waitFor();
    await page.getByText('Gezin Geweigerd (fictief)').first().waitFor();
    await page.getByText(WORDS.nl.nothingWaits).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.setViewportSize(TABLET);
    await page.evaluate(() => localStorage.setItem('veldwerk.lang', 'en'));
    await app.open('/wachtrij');
    await page.getByTestId('sync-badge').getByText(WORDS.en.refused, { exact: true }).waitFor();
    await page.getByRole('heading', { level: 2, name: WORDS.en.refusedTitle }).waitFor();
    await page.getByText(WORDS.en.teamRemoved).waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });
});
