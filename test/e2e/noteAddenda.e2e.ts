import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from './pages/App';
import { axeViolations } from './support/axe';
import type { Profile } from './support/browser';
import { startServer, type RunningServer } from './support/server';
import { signedInTablet } from './support/tablet';
import { PHONE, RUNS, brusselsDay, showAsAtStart, showIn } from './support/runs';
import { createdId as idIn, shownPassword as passwordIn } from './support/organisation';

/**
 * Notes that can be corrected without rewriting history, an unsent note marked as such, and the note view and its
 * print (issue 14, points 3, 6 and 9), on a real organisation's server (DEMO=0) with two teams: a note saved
 * offline says "Nog niet verstuurd" until it is sent; an "Aanvulling of rechtzetting" goes under it, dated and
 * signed, reaches a colleague of the same team and never the other team; the printed note carries the
 * organisation's name and "Vertrouwelijk". In Dutch and English, on a tablet and a phone, with axe.
 */
const ORG = 'Gemeente Rechtzetting (fictief)';
let server: RunningServer;
const profiles: Profile[] = [];
const people = {} as Record<'lien' | 'sam' | 'tom', { email: string; password: string }>;
let lien: App;
let sam: App;
let tom: App;

beforeAll(async () => {
  server = await startServer({ demo: false, loginsPerMinute: 30 });
  const org = idIn(await server.admin('init', '--org', ORG, '--admin-email', 'beheer@rechtzetting.example', '--admin-name', 'Beheer (fictief)'));
  const thuiszorg = idIn(await server.admin('create-team', '--org', org, '--name', 'Thuiszorg'));
  const schuldhulp = idIn(await server.admin('create-team', '--org', org, '--name', 'Schuldhulp'));
  const person = async (key: keyof typeof people, name: string, team: string) => {
    const email = `${key}@rechtzetting.example`;
    people[key] = { email, password: passwordIn(await server.admin('create-user', '--org', org, '--email', email, '--name', name, '--role', 'worker', '--team', team)) };
  };
  await person('lien', 'Lien Schrijver (fictief)', thuiszorg);
  await person('sam', 'Sam Collega (fictief)', thuiszorg);
  await person('tom', 'Tom Anderteam (fictief)', schuldhulp);
  lien = await signedInTablet(server.url, people.lien, profiles);
  sam = await signedInTablet(server.url, people.sam, profiles);
  tom = await signedInTablet(server.url, people.tom, profiles);
});
afterAll(async () => {
  for (const profile of profiles) await profile.close();
  await server.stop();
});

const WORDS = {
  nl: {
    caseLabel: 'Naam van het dossier',
    save: 'Bewaren',
    facts: 'Wat zag en hoorde je?',
    nextDate: 'Volgend contact',
    nextType: 'Soort contact',
    phone: 'Telefonisch',
    saveNote: 'Notitie bewaren',
    noteOf: /^Huisbezoek van /,
    unsent: 'Nog niet verstuurd',
    addAddendum: 'Aanvulling of rechtzetting',
    addendumText: 'Wat vul je aan of zet je recht?',
    addendumSave: 'Aanvulling bewaren',
    errorTitle: 'Er is een probleem',
    addendumRequired: 'Schrijf wat je aanvult of rechtzet.',
    addendaCount: '1 aanvulling of rechtzetting',
    confidential: 'Vertrouwelijk',
  },
  en: {
    caseLabel: 'Name of the case',
    save: 'Save',
    facts: 'What did you see and hear?',
    nextDate: 'Next contact',
    nextType: 'Kind of contact',
    phone: 'By phone',
    saveNote: 'Save note',
    noteOf: /^Home visit of /,
    unsent: 'Not sent yet',
    addAddendum: 'Addition or correction',
    addendumText: 'What do you add or correct?',
    addendumSave: 'Save addition',
    errorTitle: 'There is a problem',
    addendumRequired: 'Write what you add or correct.',
    addendaCount: '1 addition or correction',
    confidential: 'Confidential',
  },
} as const;

/** The left edges of the note view's values, per section list: one column for the whole note. */
const valueColumns = (page: Page) =>
  page.evaluate(() => [...document.querySelectorAll('.note-view dl.kv')].map((dl) => [...dl.querySelectorAll('dd')].map((dd) => Math.round(dd.getBoundingClientRect().left))));
const labelColumns = (page: Page) =>
  page.evaluate(() => [...document.querySelectorAll('.note-view dl.kv dt')].map((dt) => Math.round(dt.getBoundingClientRect().left)));

describe.each(RUNS)('note addenda in $lang at $size.width×$size.height', ({ lang, size }) => {
  const w = WORDS[lang];
  const tag = `${lang}-${size.width}`;
  const fact = `Brieven van de huisbaas op tafel ${tag} (fictief).`;
  const correction = `Rechtzetting ${tag}: de huur is 650 euro, niet 560 (fictief).`;
  let noteId = '';

  beforeAll(async () => {
    await showIn(lien.page, lang, size);
  });
  afterAll(async () => {
    await lien.page.context().setOffline(false);
    await lien.page.emulateMedia({ media: 'screen' });
    await showAsAtStart(lien.page);
  });

  it('a note saved offline says it is not sent yet, in the timeline and the note view, until it is sent', async () => {
    const page = lien.page;
    const label = `Gezin Rechtzetting ${tag} (fictief)`;
    await lien.open('/dossiers/nieuw');
    await page.getByLabel(w.caseLabel).fill(label);
    await page.getByRole('button', { name: w.save, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: label }).waitFor();
    const caseId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);

    await page.context().setOffline(true);
    await lien.open(`/dossiers/${caseId}/bezoek`);
    await page.getByLabel(w.facts).fill(fact);
    await page.getByLabel(w.nextDate).fill(brusselsDay(7));
    await page.getByLabel(w.nextType).selectOption('phone');
    await page.getByRole('button', { name: w.saveNote }).click();
    await page.getByRole('heading', { level: 1, name: label }).waitFor();

    const entry = page.getByTestId('timeline').getByRole('link', { name: w.noteOf }).first();
    await entry.getByTestId('timeline-unsent').getByText(w.unsent).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await entry.click();
    await page.getByTestId('note-unsent').getByText(w.unsent).waitFor();
    noteId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    await page.getByText(fact).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // Back online: the app sends the queue by itself, and the mark goes without a reload.
    await page.context().setOffline(false);
    await page.getByTestId('note-unsent').waitFor({ state: 'detached', timeout: 30_000 });
  });

  it('shows the values of every section in one column, and the kind of the next contact', async () => {
    const page = lien.page;
    await lien.open(`/notities/${noteId}`);
    await page.getByText(fact).waitFor();
    const dd = page.locator('.note-view dl.kv dd');
    await expect(dd.filter({ hasText: w.phone }).count()).resolves.toBe(1);
    const columns = (await valueColumns(page)).flat();
    expect(columns.length).toBeGreaterThan(2);
    expect(new Set(columns).size).toBe(1);
    // On a phone the label stands above its value, at the same left edge; on a tablet the values have their own column.
    const labels = await labelColumns(page);
    if (size === PHONE) expect(columns[0]).toBe(labels[0]);
    else expect(columns[0]).toBeGreaterThan(labels[0]!);
  });

  it('adds an addendum: the empty form says what to do at the field, the saved one stands under the note, dated and signed', async () => {
    const page = lien.page;
    await page.getByRole('button', { name: w.addAddendum }).click();
    const field = page.getByLabel(w.addendumText);
    await expect(field.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: w.addendumSave }).click();
    const summary = page.getByTestId('error-summary');
    await summary.getByRole('heading', { name: w.errorTitle }).waitFor();
    await expect(summary.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await expect(field.getAttribute('aria-invalid')).resolves.toBe('true');
    const describedBy = (await field.getAttribute('aria-describedby')) ?? '';
    const errorId = describedBy.split(' ').find((id) => id.endsWith('-error'))!;
    await expect(page.locator(`[id="${errorId}"]`).textContent()).resolves.toBe(w.addendumRequired);
    await summary.getByRole('link', { name: w.addendumRequired }).click();
    await expect(field.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    await field.fill(correction);
    await page.getByRole('button', { name: w.addendumSave }).click();
    const addenda = page.getByTestId('addenda');
    await addenda.getByText(correction).waitFor();
    await addenda.getByText(/Lien Schrijver \(fictief\)/).waitFor();
    // The note above is as it was written.
    await page.getByText(fact).waitFor();
    await page.getByTestId('addendum-form').waitFor({ state: 'detached' });
    // Online: the addendum is sent too, and its own mark goes.
    await addenda.getByText(w.unsent).waitFor({ state: 'detached', timeout: 30_000 });
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('link', { name: lang === 'nl' ? /^Terug naar / : /^Back to / }).click();
    await page.getByTestId('timeline').getByTestId('timeline-addenda').getByText(w.addendaCount).waitFor();
  });

  it('prints the note with the organisation’s name, “Vertrouwelijk” and the addendum, without buttons', async () => {
    const page = lien.page;
    await lien.open(`/notities/${noteId}`);
    await page.getByTestId('addenda').getByText(correction).waitFor();
    await page.emulateMedia({ media: 'print' });
    const head = page.getByTestId('print-head');
    await expect(head.isVisible()).resolves.toBe(true);
    await expect(head.textContent()).resolves.toContain(ORG);
    await expect(head.textContent()).resolves.toContain(w.confidential);
    await expect(page.getByTestId('addenda').getByText(correction).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: w.addAddendum }).isVisible()).resolves.toBe(false);
    await expect(page.getByRole('navigation').first().isVisible()).resolves.toBe(false);
    // The running header repeats as a table header group; the page number comes from the page margin box.
    await expect(head.evaluate((el) => getComputedStyle(el).display)).resolves.toBe('table-header-group');
    await page.emulateMedia({ media: 'screen' });
    await expect(head.isVisible()).resolves.toBe(false);
  });

  it('reaches a colleague of the same team with its addendum, and never the other team', async () => {
    await sam.syncNow();
    await sam.open(`/notities/${noteId}`);
    await sam.page.getByText(fact).waitFor();
    await sam.page.getByTestId('addenda').getByText(correction).waitFor();
    await sam.page.getByTestId('addenda').getByText(/Lien Schrijver \(fictief\)/).waitFor();
    await expect(sam.page.getByTestId('note-unsent').count()).resolves.toBe(0);

    await tom.syncNow();
    await tom.open(`/notities/${noteId}`);
    await tom.page.getByText('Deze notitie staat niet op dit toestel.').waitFor();
    expect(await tom.rawStorage()).not.toContain(noteId);
  });
});
