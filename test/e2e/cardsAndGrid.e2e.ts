import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Card, GlossaryEntry } from '../../src/cards/cardSchema';
import type { App } from './pages/App';
import { axeViolations } from './support/axe';
import type { Profile } from './support/browser';
import { startServer, type RunningServer } from './support/server';
import { signedInTablet } from './support/tablet';
import { RUNS, showAsAtStart, showIn } from './support/runs';
import { makeOrganisation } from './support/organisation';

/**
 * Issue 14 point 9, on a real organisation's server (DEMO=0): a card's checklist ticked on the device (kept across
 * an offline reload, cleared with one button), a glossary term that opens its definition in place (keyboard,
 * Escape returns the focus), and a power–interest grid that takes a resident and a politician who are not in the
 * directory, each with an attitude in words and a shape. A coordinator fills in the grid (network instruments are
 * theirs to start). In Dutch and English, on a tablet and a phone, with axe on the open popover and the grid form,
 * its error state included.
 */
let server: RunningServer;
const profiles: Profile[] = [];
let app: App;

const SLUG = 'beroepsgeheim';
const card = (lang: 'nl' | 'en'): Card => JSON.parse(readFileSync(`content/cards/${lang}/${SLUG}.json`, 'utf8')) as Card;
const glossary = JSON.parse(readFileSync('content/glossary.json', 'utf8')) as GlossaryEntry[];

beforeAll(async () => {
  server = await startServer({ demo: false });
  const organisation = await makeOrganisation(server, 'Gemeente Vinkdorp', 'vinkdorp.example', ['Onthaal', 'Schuldhulp']);
  const nora = await organisation.person('nora', 'Nora Coördinator (fictief)', 'coordinator', ['Onthaal', 'Schuldhulp']);
  app = await signedInTablet(server.url, nora, profiles);
});
afterAll(async () => {
  for (const profile of profiles) await profile.close();
  await server.stop();
});

const WORDS = {
  nl: {
    count: (done: number, total: number) => `${done} van ${total} afgevinkt`,
    clear: 'Alles wissen',
    fullEntry: 'Volledige uitleg',
    gridName: 'Macht-belangenmatrix',
    title: 'Titel',
    start: 'Starten',
    saved: 'Alles is bewaard op dit toestel.',
    source: 'Wie zet je in de matrix?',
    outsider: 'Iemand anders: een inwoner, cliënt, politicus …',
    name: 'Naam of omschrijving',
    who: 'Wat voor iemand is het?',
    power: 'Macht of invloed',
    interest: 'Belang bij het thema',
    attitude: 'Houding tegenover het plan',
    high: 'hoog',
    low: 'laag',
    add: 'In de matrix zetten',
    errorTitle: 'Er is een probleem',
    nameRequired: 'Vul in wie je in de matrix zet, bijvoorbeeld ‘bewoners van de Rabotwijk’.',
    whoRequired: 'Kies wat voor iemand het is: een inwoner, een cliënt, een politicus of iemand anders.',
    resident: 'Inwoner of bewonersgroep',
    politician: 'Politicus of beleidsmaker',
    supports: ['Steunt', 'steunt'],
    critical: ['Staat kritisch', 'staat kritisch'],
    neutral: ['Neutraal', 'neutraal'],
    residentName: 'Bewonersgroep Kouterwijk (fictief)',
    politicianName: 'Schepen Vandaele (fictief)',
  },
  en: {
    count: (done: number, total: number) => `${done} of ${total} ticked`,
    clear: 'Clear all',
    fullEntry: 'Full entry',
    gridName: 'Power–interest grid',
    title: 'Title',
    start: 'Start',
    saved: 'Everything is saved on this device.',
    source: 'Who are you putting in the grid?',
    outsider: 'Someone else: a resident, client, politician …',
    name: 'Name or description',
    who: 'What kind of person is it?',
    power: 'Power or influence',
    interest: 'Interest in the theme',
    attitude: 'Attitude towards the plan',
    high: 'high',
    low: 'low',
    add: 'Put in the grid',
    errorTitle: 'There is a problem',
    nameRequired: 'Enter who you are putting in the grid, for example ‘residents of the Rabot area’.',
    whoRequired: 'Choose what kind of person it is: a resident, a client, a politician or someone else.',
    resident: "Resident or residents' group",
    politician: 'Politician or policy maker',
    supports: ['Supportive', 'supportive'],
    critical: ['Critical', 'critical'],
    neutral: ['Neutral', 'neutral'],
    residentName: 'Kouter residents group (fictief)',
    politicianName: 'Alderman Vandaele (fictief)',
  },
} as const;

/** Nothing sticks out sideways: the page scrolls only down, also on a phone. */
const noSidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

async function reload(): Promise<void> {
  await app.page.reload();
  await app.unlockIfAsked();
}

describe.each(RUNS)('cards and the grid in $lang at $size.width×$size.height', ({ lang, size }) => {
  const w = WORDS[lang];
  const tag = `${lang}-${size.width}`;
  const items = card(lang).core.items;

  beforeAll(async () => {
    await showIn(app.page, lang, size);
  });
  afterAll(async () => {
    await showAsAtStart(app.page);
  });

  async function openCard(): Promise<void> {
    await app.open(`/kaarten/${SLUG}`);
    await app.page.getByRole('heading', { level: 1, name: card(lang).title, exact: true }).waitFor();
    await app.page.locator('[data-testid=card-checklist][data-loaded=true]').waitFor();
  }
  const box = (i: number) => app.page.getByRole('checkbox', { name: items[i]!, exact: true });
  const count = () => app.page.getByTestId('check-count');

  it('ticks two checklist items, keeps them through an offline reload, and clears them', async () => {
    await openCard();
    await count().getByText(w.count(0, items.length), { exact: true }).waitFor();
    const target = await app.page.locator('.check-box').first().boundingBox();
    expect(target!.height).toBeGreaterThanOrEqual(44);
    expect(target!.width).toBeGreaterThanOrEqual(44);
    await box(0).check();
    await box(2).check();
    await count().getByText(w.count(2, items.length), { exact: true }).waitFor();

    await app.page.context().setOffline(true);
    try {
      await reload();
      await app.page.getByRole('heading', { level: 1, name: card(lang).title, exact: true }).waitFor();
      await app.page.locator('[data-testid=card-checklist][data-loaded=true]').waitFor();
      expect([await box(0).isChecked(), await box(1).isChecked(), await box(2).isChecked()]).toEqual([true, false, true]);
      await count().getByText(w.count(2, items.length), { exact: true }).waitFor();
      expect(await noSidewaysScroll(app.page)).toBe(true);

      await app.page.getByRole('button', { name: w.clear, exact: true }).click();
      await count().getByText(w.count(0, items.length), { exact: true }).waitFor();
      await reload();
      await app.page.locator('[data-testid=card-checklist][data-loaded=true]').waitFor();
      expect(await app.page.getByRole('checkbox', { checked: true }).count()).toBe(0);
    } finally {
      await app.page.context().setOffline(false);
    }
  });

  it('opens a glossary term in place with the keyboard; Escape closes it and gives the focus back', async () => {
    await openCard();
    const term = app.page.locator('article .term-button').first();
    const popover = app.page.locator(`#${await term.getAttribute('aria-controls')}`);
    expect(await term.getAttribute('aria-expanded')).toBe('false');
    expect(await popover.isVisible()).toBe(false);

    await term.focus();
    await app.page.keyboard.press('Enter');
    await popover.waitFor({ state: 'visible' });
    expect(await term.getAttribute('aria-expanded')).toBe('true');
    // The definition is the glossary's own, in the reader's language, with the full entry one step away.
    const name = (await popover.locator('.term-popover-name').textContent())!;
    const entry = glossary.find((g) => g[lang] === name)!;
    expect(entry, name).toBeDefined();
    expect(await popover.locator('.term-popover-definition').textContent()).toBe(lang === 'nl' ? entry.nlDef : entry.enDef);
    const full = popover.getByRole('link', { name: new RegExp(`^${w.fullEntry}`) });
    expect(await full.getAttribute('href')).toBe(`/woordenlijst/${encodeURIComponent(entry.id)}`);
    const shown = (await popover.boundingBox())!;
    expect(shown.x).toBeGreaterThanOrEqual(0);
    expect(shown.x + shown.width).toBeLessThanOrEqual(size.width);
    expect(await noSidewaysScroll(app.page)).toBe(true);
    expect(await axeViolations(app.page)).toEqual([]);

    // From inside the popover too: Escape closes it and the focus goes back to the term.
    await app.page.keyboard.press('Tab');
    expect(await full.evaluate((a) => a === document.activeElement)).toBe(true);
    await app.page.keyboard.press('Escape');
    await popover.waitFor({ state: 'hidden' });
    expect(await term.getAttribute('aria-expanded')).toBe('false');
    expect(await term.evaluate((b) => b === document.activeElement)).toBe(true);

    // Space opens it again; the link leads to the full entry.
    await app.page.keyboard.press('Space');
    await popover.waitFor({ state: 'visible' });
    await app.page.keyboard.press('Escape');
    await popover.waitFor({ state: 'hidden' });
    expect(await term.evaluate((b) => b === document.activeElement)).toBe(true);
    await app.page.keyboard.press('Enter');
    await popover.waitFor({ state: 'visible' });
    await app.page.keyboard.press('Tab');
    await app.page.keyboard.press('Enter');
    await app.page.waitForURL(`**/woordenlijst/${encodeURIComponent(entry.id)}`);
    await app.page.locator(`#term-${entry.id}.term-target`).waitFor();
  });

  it('puts a resident and a politician with their attitudes in a power–interest grid, refusing an empty entry at the field', async () => {
    const title = `Matrix buurtwerking ${tag} (fictief)`;
    await app.open('/instrumenten/nieuw/machts-belangenmatrix');
    await app.page.getByLabel(w.title, { exact: true }).fill(title);
    await app.page.getByRole('button', { name: w.start, exact: true }).click();
    await app.page.getByRole('heading', { level: 1, name: title }).waitFor();

    const form = app.page.locator('form.add-placement');
    // The organisation's directory is empty: the form starts with someone outside it.
    expect(await form.getByRole('group', { name: w.source }).getByLabel(w.outsider).isChecked()).toBe(true);
    await form.getByRole('button', { name: w.add }).click();
    const summary = form.getByTestId('error-summary');
    await summary.waitFor();
    expect(await summary.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await summary.getByRole('heading', { name: w.errorTitle }).count()).toBe(1);
    expect(await summary.getByRole('link').allTextContents()).toEqual([w.nameRequired, w.whoRequired]);
    const nameField = form.getByLabel(w.name, { exact: true });
    expect(await nameField.getAttribute('aria-invalid')).toBe('true');
    const described = await nameField.evaluate((el) => (el.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? ''));
    expect(described).toContain(w.nameRequired);
    expect(await noSidewaysScroll(app.page)).toBe(true);
    expect(await axeViolations(app.page)).toEqual([]);
    // The summary's link takes the person to the field.
    await summary.getByRole('link', { name: w.nameRequired }).click();
    expect(await nameField.evaluate((el) => el === document.activeElement)).toBe(true);

    const place = async (name: string, who: string, power: string, interest: string, attitude: string) => {
      await nameField.fill(name);
      // Done typing: on a phone the tab bar comes back when the field lets go of the focus, so it does so first.
      await nameField.blur();
      await form.getByLabel(w.who).selectOption({ label: who });
      await form.getByRole('group', { name: w.power }).getByLabel(power, { exact: true }).check();
      await form.getByRole('group', { name: w.interest }).getByLabel(interest, { exact: true }).check();
      await form.getByRole('group', { name: w.attitude }).getByLabel(attitude, { exact: true }).check();
      await form.getByRole('button', { name: w.add }).click();
      await app.page.locator('.placements').getByRole('group', { name: `${name} (${who})` }).waitFor();
    };
    await place(w.residentName, w.resident, w.low, w.high, w.supports[0]);
    expect(await summary.count()).toBe(0);
    await place(w.politicianName, w.politician, w.high, w.high, w.critical[0]);
    await app.page.getByTestId('save-state').getByText(w.saved).waitFor();

    await reload();
    await app.page.getByRole('heading', { level: 1, name: title }).waitFor();
    const inQuadrant = (quadrant: string, name: string) => app.page.locator(`[data-quadrant=${quadrant}] li`, { hasText: name });
    const resident = inQuadrant('keepInformed', w.residentName);
    const politician = inQuadrant('manageClosely', w.politicianName);
    // The attitude in words and in a shape, not in colour alone; the kind of actor beside the name.
    expect(await resident.locator('[data-attitude=supports] .attitude-word').textContent()).toBe(w.supports[1]);
    expect(await resident.locator('.attitude-shape').textContent()).toBe('+');
    expect(await resident.locator('.pi-who').textContent()).toBe(w.resident);
    expect(await politician.locator('[data-attitude=critical] .attitude-word').textContent()).toBe(w.critical[1]);
    expect(await politician.locator('.attitude-shape').textContent()).toBe('−');
    // The list under the grid shows each one's attitude as chosen.
    const row = app.page.locator('.placements').getByRole('group', { name: `${w.politicianName} (${w.politician})` });
    expect(await row.getByRole('group', { name: w.attitude }).getByLabel(w.critical[0], { exact: true }).isChecked()).toBe(true);
    expect(await row.locator('.placement-attitude [data-attitude=critical]').innerText()).toContain(w.critical[1]);
    // Someone's attitude changes with one tap in the list, and the grid follows.
    const residentRow = app.page.locator('.placements').getByRole('group', { name: `${w.residentName} (${w.resident})` });
    await residentRow.getByRole('group', { name: w.attitude }).getByLabel(w.neutral[0], { exact: true }).check();
    await resident.locator('[data-attitude=neutral] .attitude-word').getByText(w.neutral[1], { exact: true }).waitFor();
    await app.page.getByTestId('save-state').getByText(w.saved).waitFor();
    expect(await noSidewaysScroll(app.page)).toBe(true);
    expect(await axeViolations(app.page)).toEqual([]);

    // On paper: who, where and how they stand, in words.
    await app.page.emulateMedia({ media: 'print' });
    try {
      const printed = app.page.getByTestId('grid-print');
      expect(await printed.isVisible()).toBe(true);
      expect(await printed.innerText()).toContain(w.critical[1]);
      expect(await printed.innerText()).toContain(w.residentName);
    } finally {
      await app.page.emulateMedia({ media: 'screen' });
    }
  });
});

describe('what stays on the device', () => {
  it('keeps the names typed into a grid only inside sealed data', async () => {
    const stored = await app.rawStorage();
    for (const w of [WORDS.nl, WORDS.en]) {
      expect(stored).not.toContain(w.residentName);
      expect(stored).not.toContain(w.politicianName);
    }
  });
});
