import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { App } from './pages/App';
import { axeViolations } from './support/axe';
import { openProfile, type Profile } from './support/browser';
import { startServer, type RunningServer } from './support/server';
import { signedInTablet } from './support/tablet';
import { PHONE, RUNS, brusselsDay, showAsAtStart, showIn } from './support/runs';
import { makeOrganisation } from './support/organisation';

/**
 * Errors at the field and questions about slips (issue 14, points 1 and 2), on a real organisation's server
 * (DEMO=0): a GOV.UK error summary that takes the focus and links to each field, the message under the field with
 * aria-invalid and aria-describedby, "Klopt dit?" asked once for a visit next year and a follow-up in the past,
 * and phone numbers, e-mail addresses and postal codes refused with the form expected. In Dutch and English, on
 * a tablet and a phone, with axe on every error state.
 */
let server: RunningServer;
const profiles: Profile[] = [];
let app: App;
let password = '';

beforeAll(async () => {
  server = await startServer({ demo: false });
  const organisation = await makeOrganisation(server, 'Gemeente Foutloos', 'foutloos.example', ['Thuiszorg']);
  const lien = await organisation.person('lien', 'Lien Testpersoon (fictief)', 'worker', ['Thuiszorg']);
  password = lien.password;
  app = await signedInTablet(server.url, lien, profiles);
});
afterAll(async () => {
  for (const profile of profiles) await profile.close();
  await server.stop();
});

const WORDS = {
  nl: {
    caseLabel: 'Naam van het dossier',
    phone: 'Telefoon',
    save: 'Bewaren',
    saveNote: 'Notitie bewaren',
    visitDate: 'Datum van het bezoek',
    facts: 'Wat zag en hoorde je?',
    errorTitle: 'Er is een probleem',
    question: 'Klopt dit?',
    confirm: 'Ja, bewaren',
    dateRequired: 'Vul de datum van het bezoek in.',
    visitAhead: /^De datum van het bezoek ligt in de toekomst/,
    addFollowUp: 'Opvolging toevoegen',
    followUpWhat: 'Wat moet er gebeuren?',
    followUpDue: 'Tegen wanneer?',
    followUpAdd: 'Toevoegen',
    dueInPast: /^‘Tegen wanneer\?’ is .*: die dag is al voorbij/,
    overdue: 'Te laat',
    phoneForm: 'Vul een telefoonnummer in zoals 0470 12 34 56 of +32 470 12 34 56.',
    partnerName: 'Naam van de organisatie',
    postalCode: 'Postcode',
    email: 'E-mail',
    postalCodeForm: 'Vul een postcode van 4 cijfers in, zoals 8000.',
    emailForm: 'Vul een e-mailadres in zoals naam@voorbeeld.be.',
  },
  en: {
    caseLabel: 'Name of the case',
    phone: 'Phone',
    save: 'Save',
    saveNote: 'Save note',
    visitDate: 'Date of the visit',
    facts: 'What did you see and hear?',
    errorTitle: 'There is a problem',
    question: 'Is this right?',
    confirm: 'Yes, save',
    dateRequired: 'Enter the date of the visit.',
    visitAhead: /^The date of the visit is in the future/,
    addFollowUp: 'Add follow-up',
    followUpWhat: 'What needs to happen?',
    followUpDue: 'By when?',
    followUpAdd: 'Add',
    dueInPast: /^‘By when\?’ is .*: that day has passed/,
    overdue: 'Overdue',
    phoneForm: 'Enter a phone number like 0470 12 34 56 or +32 470 12 34 56.',
    partnerName: 'Name of the organisation',
    postalCode: 'Postcode',
    email: 'E-mail',
    postalCodeForm: 'Enter a postcode of 4 digits, like 8000.',
    emailForm: 'Enter an email address like name@example.be.',
  },
} as const;

const focusedTestId = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.id ?? null);

function insideViewport(page: Page, box: { x: number; y: number; width: number; height: number } | null): boolean {
  const size = page.viewportSize()!;
  return !!box && box.y >= 0 && box.y + Math.min(box.height, 40) <= size.height;
}

/** The field's message: what aria-describedby points at, besides the hint. */
async function describedError(page: Page, fieldId: string): Promise<string> {
  return page.evaluate((id) => {
    const ids = document.getElementById(id)?.getAttribute('aria-describedby')?.split(' ') ?? [];
    return ids.filter((i) => i.endsWith('-error')).map((i) => document.getElementById(i)?.textContent ?? '').join('|');
  }, fieldId);
}

describe.each(RUNS)('forms in $lang at $size.width×$size.height', ({ lang, size }) => {
  const w = WORDS[lang];
  const tag = `${lang}-${size.width}`;
  let caseId = '';

  beforeAll(async () => {
    await showIn(app.page, lang, size);
  });
  afterAll(async () => {
    await showAsAtStart(app.page);
  });

  async function createCase(label: string, phone = ''): Promise<string> {
    await app.open('/dossiers/nieuw');
    await app.page.getByLabel(w.caseLabel).fill(label);
    if (phone) await app.page.getByLabel(w.phone).fill(phone);
    await app.page.getByRole('button', { name: w.save, exact: true }).click();
    await app.page.getByRole('heading', { level: 1, name: label }).waitFor();
    return decodeURIComponent(new URL(app.page.url()).pathname.split('/').pop()!);
  }

  it('a visit note without its date: the summary on top has the focus and links to the date field, which says what to do', async () => {
    caseId = await createCase(`Gezin Datum ${tag} (fictief)`);
    await app.open(`/dossiers/${caseId}/bezoek`);
    await app.page.getByLabel(w.facts).fill('Stapel brieven op tafel');
    const date = app.page.getByLabel(w.visitDate);
    await date.fill('');
    await app.page.getByRole('button', { name: w.saveNote }).click();

    const summary = app.page.getByTestId('error-summary');
    await summary.getByRole('heading', { name: w.errorTitle }).waitFor();
    expect(await focusedTestId(app.page)).toBe('error-summary');
    expect(insideViewport(app.page, await summary.boundingBox())).toBe(true);
    const link = summary.getByRole('link', { name: w.dateRequired });
    expect(await link.getAttribute('href')).toBe('#field-context-date');
    expect((await link.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    expect(await summary.getByRole('link').count()).toBe(1);
    expect(await date.getAttribute('aria-invalid')).toBe('true');
    expect(await describedError(app.page, 'field-context-date')).toBe(w.dateRequired);
    // Said once at the top and once at the field; no "something went wrong" anywhere.
    expect(await app.page.getByRole('main').getByRole('alert').count()).toBe(1);
    expect(await axeViolations(app.page)).toEqual([]);

    await link.click();
    expect(await focusedTestId(app.page)).toBe('field-context-date');
    expect(insideViewport(app.page, await date.boundingBox())).toBe(true);
    // Nothing was saved: the note is still being written.
    expect(new URL(app.page.url()).pathname).toBe(`/dossiers/${caseId}/bezoek`);
  });

  it('a visit note dated next year asks "Klopt dit?" once, a change withdraws the question, and confirming saves', async () => {
    await app.open(`/dossiers/${caseId}/bezoek`);
    const date = app.page.getByLabel(w.visitDate);
    await date.fill(brusselsDay(400));
    await app.page.getByRole('button', { name: w.saveNote }).click();
    const question = app.page.getByTestId('check-question');
    await question.getByRole('heading', { name: w.question }).waitFor();
    expect(await focusedTestId(app.page)).toBe('check-question');
    const link = question.getByRole('link', { name: w.visitAhead });
    expect(await link.getAttribute('href')).toBe('#field-context-date');
    // A question, not an error: the field is not marked invalid.
    expect(await date.getAttribute('aria-invalid')).toBeNull();
    expect(await axeViolations(app.page)).toEqual([]);

    // Another date, still next year: the question goes, and the next save asks again about the new value.
    await date.fill(brusselsDay(401));
    expect(await question.count()).toBe(0);
    await app.page.getByRole('button', { name: w.saveNote }).click();
    await question.getByRole('button', { name: w.confirm }).click();
    await app.page.waitForURL(`**/dossiers/${caseId}`);
    await app.page.getByTestId('timeline').getByRole('link').first().waitFor();
  });

  it('a follow-up due in the past asks once, and the second press adds it', async () => {
    await app.open(`/dossiers/${caseId}`);
    await app.page.getByRole('button', { name: w.addFollowUp }).click();
    await app.page.getByLabel(w.followUpWhat).fill(`Attest opvragen ${tag}`);
    await app.page.getByLabel(w.followUpDue).fill('2019-06-03');
    const add = app.page.getByRole('button', { name: w.followUpAdd, exact: true });
    await add.click();
    const question = app.page.getByTestId('check-question');
    await question.getByRole('link', { name: w.dueInPast }).waitFor();
    expect(await focusedTestId(app.page)).toBe('check-question');
    expect(await axeViolations(app.page)).toEqual([]);

    await add.click();
    const row = app.page.locator('li').filter({ hasText: `Attest opvragen ${tag}` });
    await row.getByText(w.overdue).waitFor();
    expect(await row.count()).toBe(1);
    expect(await question.count()).toBe(0);
  });

  it('the case form refuses "abc" for a phone number with the form expected, and takes +32 and 0470/12.34.56', async () => {
    await app.open('/dossiers/nieuw');
    await app.page.getByLabel(w.caseLabel).fill(`Gezin Telefoon ${tag} (fictief)`);
    const phone = app.page.getByLabel(w.phone);
    await phone.fill('abc');
    await app.page.getByRole('button', { name: w.save, exact: true }).click();
    const summary = app.page.getByTestId('error-summary');
    await summary.getByRole('link', { name: w.phoneForm }).waitFor();
    expect(await focusedTestId(app.page)).toBe('error-summary');
    expect(await phone.getAttribute('aria-invalid')).toBe('true');
    expect(await describedError(app.page, 'field-phone')).toBe(w.phoneForm);
    expect(await axeViolations(app.page)).toEqual([]);

    await phone.fill('+32 470 12 34 56');
    await app.page.getByRole('button', { name: w.save, exact: true }).click();
    await app.page.getByRole('heading', { level: 1, name: `Gezin Telefoon ${tag} (fictief)` }).waitFor();
    await app.page.getByText('+32 470 12 34 56').waitFor();

    await createCase(`Gezin Schuine Streep ${tag} (fictief)`, '0470/12.34.56');
    await app.page.getByText('0470/12.34.56').waitFor();
  });

  it('the partner form names what is wrong: the postal code and the e-mail address', async () => {
    await app.open('/partners/nieuw');
    const name = `CAW Foutloos ${tag} (fictief)`;
    await app.page.getByLabel(w.partnerName).fill(name);
    const postalCode = app.page.getByLabel(w.postalCode);
    const email = app.page.getByLabel(w.email, { exact: true });
    await postalCode.fill('800');
    await email.fill('info@caw');
    await app.page.getByRole('button', { name: w.save, exact: true }).click();
    const summary = app.page.getByTestId('error-summary');
    await summary.getByRole('heading', { name: w.errorTitle }).waitFor();
    expect(await summary.getByRole('link').allTextContents()).toEqual([w.postalCodeForm, w.emailForm]);
    expect(await focusedTestId(app.page)).toBe('error-summary');
    expect(await postalCode.getAttribute('aria-invalid')).toBe('true');
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    expect(await describedError(app.page, 'field-body-postalCode')).toBe(w.postalCodeForm);
    expect(await describedError(app.page, 'field-body-email')).toBe(w.emailForm);
    expect(await axeViolations(app.page)).toEqual([]);

    await summary.getByRole('link', { name: w.emailForm }).click();
    expect(await focusedTestId(app.page)).toBe('field-body-email');
    await postalCode.fill('8000');
    await email.fill('info@caw.be');
    await app.page.getByRole('button', { name: w.save, exact: true }).click();
    await app.page.getByRole('heading', { level: 1, name }).waitFor();
  });
});

describe('a save that fails for a reason outside the form', () => {
  it('says what happened and that the text is still there, once, beside the button, and keeps what was typed', async () => {
    await app.open('/dossiers/nieuw');
    await app.page.getByLabel('Naam van het dossier').fill('Gezin Onverwacht (fictief)');
    await app.page.getByLabel('Telefoon').fill('050 12 34 56');
    // From here on every IndexedDB write fails with an error nobody planned for.
    await app.page.evaluate(() => {
      const fail = () => {
        throw new Error('unexpected');
      };
      IDBObjectStore.prototype.put = fail;
      IDBObjectStore.prototype.add = fail;
    });
    const save = app.page.getByRole('button', { name: 'Bewaren', exact: true });
    await save.click();
    const failure = app.page.getByRole('main').getByRole('alert');
    await failure.getByText('Bewaren lukte niet. Er ging iets mis. Probeer het opnieuw.').waitFor();
    await failure.getByText('Wat je invulde, staat nog op het scherm.').waitFor();
    expect(await failure.count()).toBe(1);
    expect(await app.page.getByText(/staat nog op het scherm/).count()).toBe(1);
    // Beside the button, not at the top of the page; no field is marked, none is blamed.
    const [alertBox, buttonBox] = [await failure.boundingBox(), await save.boundingBox()];
    expect(buttonBox!.y - (alertBox!.y + alertBox!.height)).toBeLessThan(40);
    expect(await app.page.getByTestId('error-summary').count()).toBe(0);
    expect(await app.page.locator('[aria-invalid=true]').count()).toBe(0);
    expect(await app.page.getByLabel('Telefoon').inputValue()).toBe('050 12 34 56');
    expect(await axeViolations(app.page)).toEqual([]);

    // A second try that fails again is a new message, still only one.
    await save.click();
    await failure.waitFor();
    expect(await app.page.getByText(/Bewaren lukte niet/).count()).toBe(1);
    await app.page.reload(); // a fresh page has working storage again
    await app.unlockIfAsked();
  });
});

describe('the sign-in and unlock forms', () => {
  it('the unlock form asks for the password at its field, and says a wrong one there', async () => {
    await app.open('/');
    await app.page.getByRole('navigation').getByRole('button', { name: 'Vergrendelen' }).click();
    const lock = app.page.locator('.lock-screen');
    await lock.getByRole('button', { name: 'Ontgrendelen' }).click();
    const summary = lock.getByTestId('error-summary');
    const link = summary.getByRole('link', { name: 'Vul je wachtwoord in.' });
    await link.waitFor();
    expect(await focusedTestId(app.page)).toBe('error-summary');
    expect(await link.getAttribute('href')).toBe('#lock-field-password');
    expect(await axeViolations(app.page)).toEqual([]);
    await link.click();
    expect(await focusedTestId(app.page)).toBe('lock-field-password');

    const field = lock.getByLabel('Wachtwoord');
    await field.fill('niet het wachtwoord');
    await lock.getByRole('button', { name: 'Ontgrendelen' }).click();
    await summary.getByRole('link', { name: 'Het wachtwoord klopt niet. Probeer het opnieuw.' }).waitFor();
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await describedError(app.page, 'lock-field-password')).toBe('Het wachtwoord klopt niet. Probeer het opnieuw.');
    expect(await axeViolations(app.page)).toEqual([]);
    await app.unlock(password);
  });

  for (const [lang, words] of [
    ['nl', { title: 'Aanmelden', email: 'E-mailadres', password: 'Wachtwoord', emailRequired: 'Vul je e-mailadres in.', passwordRequired: 'Vul je wachtwoord in.', emailForm: 'Vul je e-mailadres in zoals naam@voorbeeld.be.' }],
    ['en', { title: 'Sign in', email: 'E-mail address', password: 'Password', emailRequired: 'Enter your email address.', passwordRequired: 'Enter your password.', emailForm: 'Enter your email address like name@example.be.' }],
  ] as const) {
    it(`the sign-in form asks for an e-mail address and a password, each at its field (${lang}, phone)`, async () => {
      const profile = await openProfile();
      profiles.push(profile);
      const page = await profile.context.newPage();
      await page.setViewportSize(PHONE);
      await page.goto(`${server.url}/aanmelden`);
      await page.evaluate((l) => localStorage.setItem('veldwerk.lang', l), lang);
      await page.reload();
      const submit = page.getByRole('main').getByRole('button', { name: words.title });
      await submit.click();
      const summary = page.getByTestId('error-summary');
      await summary.getByRole('link').first().waitFor();
      expect(await summary.getByRole('link').allTextContents()).toEqual([words.emailRequired, words.passwordRequired]);
      expect(await focusedTestId(page)).toBe('error-summary');
      expect(await page.getByLabel(words.email).getAttribute('aria-invalid')).toBe('true');
      expect(await page.getByLabel(words.password).getAttribute('aria-invalid')).toBe('true');
      expect(await axeViolations(page)).toEqual([]);

      await page.getByLabel(words.email).fill('lien');
      await page.getByLabel(words.password).fill('iets');
      await submit.click();
      await summary.getByRole('link', { name: words.emailForm }).waitFor();
      expect(await summary.getByRole('link').count()).toBe(1);
      expect(await page.getByLabel(words.password).getAttribute('aria-invalid')).toBeNull();
    });
  }
});
