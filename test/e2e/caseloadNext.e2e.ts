import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from './pages/App';
import { Instruments } from './pages/Instruments';
import { axeViolations } from './support/axe';
import type { Profile } from './support/browser';
import { startServer, type RunningServer } from './support/server';
import { signedInTablet } from './support/tablet';
import { RUNS, brusselsDay, showIn } from './support/runs';
import { createdId as idIn, shownPassword as passwordIn } from './support/organisation';

/**
 * A caseload that says what is next, and views for a coordinator (issue 14, points 4 and 8, and parts of 9), on a
 * real organisation's server (DEMO=0) with two teams: a worker's caseload shows per case the next contact, what
 * is open and overdue and the last visit, with the overdue case first; a follow-up links to its case, and a
 * case's open follow-ups are one tap away; follow-up titles the app wrote read in the reader's language;
 * "Dossier afsluiten" asks first; a coordinator of both teams filters the follow-ups per worker and sees the
 * case of an ecogram in the instruments list. In Dutch and English, on a tablet and a phone, with axe.
 */
let server: RunningServer;
const profiles: Profile[] = [];
const people: Record<'an' | 'chris' | 'els', { email: string; password: string }> = {} as never;
let an: App;
let els: App;

const tagOf = (run: (typeof RUNS)[number]) => `${run.lang}-${run.size.width}`;

/** A case, a follow-up on it, and the page back on the case. `past`: asked "Klopt dit?" once, and confirmed. */
async function addFollowUp(app: App, title: string, due: string, past = false): Promise<void> {
  await app.page.getByRole('button', { name: 'Opvolging toevoegen' }).click();
  await app.page.getByLabel('Wat moet er gebeuren?').fill(title);
  await app.page.getByLabel('Tegen wanneer?').fill(due);
  await app.page.getByRole('button', { name: 'Toevoegen', exact: true }).click();
  if (past) await app.page.getByTestId('check-question').getByRole('button', { name: 'Ja, bewaren' }).click();
  await app.page.getByText(title).first().waitFor();
}

beforeAll(async () => {
  server = await startServer({ demo: false, loginsPerMinute: 30 });
  const init = await server.admin('init', '--org', 'Gemeente Volgende Stap (fictief)', '--admin-email', 'beheer@volgende.example', '--admin-name', 'Beheer Volgende Stap (fictief)');
  const org = idIn(init);
  const onthaal = idIn(await server.admin('create-team', '--org', org, '--name', 'Onthaal'));
  const schuldhulp = idIn(await server.admin('create-team', '--org', org, '--name', 'Schuldhulp'));
  const person = async (key: keyof typeof people, name: string, team: string, role = 'worker') => {
    const email = `${key}@volgende.example`;
    people[key] = { email, password: passwordIn(await server.admin('create-user', '--org', org, '--email', email, '--name', name, '--role', role, '--team', team)) };
  };
  await person('an', 'An Testpersoon (fictief)', onthaal);
  await person('chris', 'Chris Testpersoon (fictief)', schuldhulp);
  await person('els', 'Els Coördinator (fictief)', onthaal, 'coordinator');
  await server.admin('add-membership', '--email', people.els.email, '--team', 'Schuldhulp');

  // An (Onthaal): a case with an overdue follow-up, a case whose visit note planned the next contact, a quiet case,
  // and one case per run to close.
  an = await signedInTablet(server.url, people.an, profiles);
  await an.createCase('Gezin Laat (fictief)');
  await addFollowUp(an, 'Attest opvragen (fictief)', brusselsDay(-3), true);
  await an.createCase('Gezin Volgend (fictief)');
  await an.startVisitNote();
  await an.facts().fill('Het gezin zoekt een nieuwe woning (fictief).');
  await an.page.getByLabel('Volgend contact', { exact: true }).fill(brusselsDay(7));
  await an.page.getByLabel('Soort contact').selectOption({ label: 'Huisbezoek' });
  await an.page.getByRole('button', { name: 'Notitie bewaren' }).click();
  await an.page.getByRole('heading', { level: 1, name: 'Gezin Volgend (fictief)' }).waitFor();
  await an.createCase('Gezin Rustig (fictief)');
  for (const run of RUNS) await an.createCase(`Gezin Afsluiten ${tagOf(run)} (fictief)`);
  await an.syncNow();

  // Chris (Schuldhulp): a case with a follow-up and an ecogram.
  const chris = await signedInTablet(server.url, people.chris, profiles);
  await chris.createCase('Gezin Schuld (fictief)');
  await addFollowUp(chris, 'Schuldeisers aanschrijven (fictief)', brusselsDay(2));
  await new Instruments(chris).startEcogram('Netwerk van het gezin Schuld (fictief)');
  await chris.syncNow();

  // Els coordinates both teams; she signs in once both have sent their work, and receives it at once.
  els = await signedInTablet(server.url, people.els, profiles);
});
afterAll(async () => {
  for (const profile of profiles) await profile.close();
  await server.stop();
});

const WORDS = {
  nl: {
    overdue: 'Te laat',
    counts: '1 open, 1 te laat',
    oneOpen: '1 open',
    noContact: 'Geen contact gepland',
    nextContact: /Volgend contact: .+ \(huisbezoek\)/,
    lastVisit: /Laatste bezoek: /,
    quiet: 'Geen contact gepland · Niets open · Nog geen bezoek',
    contactTitle: 'Volgend contact (huisbezoek)',
    toDo: 'Nog te doen: 1',
    close: 'Dossier afsluiten',
    closeTitle: 'Dossier afsluiten?',
    closeMeans: /verdwijnt uit ‘Mijn dossiers’.*je kunt het dossier later heropenen/,
    stillOpen: /nog 1 opvolging open/,
    cancel: 'Annuleren',
    closeYes: 'Ja, dossier afsluiten',
    closed: 'Dit dossier is afgesloten.',
    reopen: 'Dossier heropenen',
    person: 'Opvolging van',
    caseOf: 'Dossier: Gezin Schuld (fictief)',
  },
  en: {
    overdue: 'Overdue',
    counts: '1 open, 1 overdue',
    oneOpen: '1 open',
    noContact: 'No contact planned',
    nextContact: /Next contact: .+ \(home visit\)/,
    lastVisit: /Last visit: /,
    quiet: 'No contact planned · Nothing open · No visit yet',
    contactTitle: 'Next contact (home visit)',
    toDo: 'Still to do: 1',
    close: 'Close case',
    closeTitle: 'Close this case?',
    closeMeans: /leaves ‘My cases’.*you can reopen the case later/,
    stillOpen: /1 follow-up is still open/,
    cancel: 'Cancel',
    closeYes: 'Yes, close the case',
    closed: 'This case is closed.',
    reopen: 'Reopen case',
    person: 'Follow-ups of',
    caseOf: 'Case: Gezin Schuld (fictief)',
  },
} as const;

const focusedId = (app: App) => app.page.evaluate(() => document.activeElement?.id || document.activeElement?.getAttribute('data-testid') || document.activeElement?.textContent || null);

describe.each(RUNS)('what is next, in $lang at $size.width×$size.height', (run) => {
  const w = WORDS[run.lang];
  const row = (app: App, label: string) => app.page.locator('[data-testid=caseload] li', { hasText: label });

  beforeAll(async () => {
    for (const app of [an, els]) {
      await showIn(app.page, run.lang, run.size);
    }
  });

  it('a worker’s caseload puts the overdue case first and says per case what is next, what is open and overdue, and the last visit', async () => {
    await an.open('/');
    expect((await an.caseloadLabels())[0]).toBe('Gezin Laat (fictief)');
    const late = row(an, 'Gezin Laat (fictief)');
    await late.getByTestId('case-next').getByText(w.counts).waitFor();
    expect(await late.locator('.badge').textContent()).toBe(w.overdue);
    expect(await late.getByTestId('case-next').textContent()).toContain(w.noContact);

    const next = row(an, 'Gezin Volgend (fictief)');
    const facts = (await next.getByTestId('case-next').textContent()) ?? '';
    expect(facts).toMatch(w.nextContact);
    expect(facts).toContain(w.oneOpen);
    expect(facts).toMatch(w.lastVisit);
    expect(await next.locator('.badge').count()).toBe(0);
    expect(await row(an, 'Gezin Rustig (fictief)').getByTestId('case-next').textContent()).toBe(w.quiet);
    expect(await axeViolations(an.page)).toEqual([]);
  });

  it('a follow-up the app wrote reads in the reader’s language and links to its case; the case’s open follow-ups are one tap away', async () => {
    await an.open('/opvolging');
    const planned = an.page.locator('li.followup', { hasText: w.contactTitle });
    await planned.waitFor();
    expect(await axeViolations(an.page)).toEqual([]);
    await planned.getByRole('link', { name: 'Gezin Volgend (fictief)' }).click();
    await an.page.getByRole('heading', { level: 1, name: 'Gezin Volgend (fictief)' }).waitFor();

    await an.page.getByRole('link', { name: w.toDo }).click();
    await expect.poll(() => focusedId(an)).toBe('case-followups');
    expect(await an.page.locator('li.followup', { hasText: w.contactTitle }).count()).toBe(1);
  });

  it('"Dossier afsluiten" sits apart and asks first, saying what closing means; cancelling keeps the case open', async () => {
    await an.openCase('Gezin Laat (fictief)');
    const section = an.page.locator('section.case-close');
    // Not among the everyday buttons: at the bottom, in a section of its own.
    expect(await an.page.getByRole('main').locator('.actions').first().getByRole('button', { name: w.close }).count()).toBe(0);
    expect(await section.getByRole('button', { name: w.close }).count()).toBe(1);
    await section.getByRole('button', { name: w.close }).click();
    const question = an.page.getByTestId('close-question');
    await question.getByRole('heading', { name: w.closeTitle }).waitFor();
    await expect.poll(() => focusedId(an)).toBe('close-question');
    expect(await question.textContent()).toMatch(w.closeMeans);
    expect(await question.textContent()).toMatch(w.stillOpen);
    expect(await axeViolations(an.page)).toEqual([]);

    await question.getByRole('button', { name: w.cancel }).click();
    expect(await question.count()).toBe(0);
    await expect.poll(() => focusedId(an)).toBe(w.close);
    expect(await an.page.getByText(w.closed).count()).toBe(0);
    await an.open('/');
    expect(await an.caseloadLabels()).toContain('Gezin Laat (fictief)');
  });

  it('confirming closes the case: it leaves the caseload and can be reopened', async () => {
    const label = `Gezin Afsluiten ${tagOf(run)} (fictief)`;
    await an.openCase(label);
    await an.page.locator('section.case-close').getByRole('button', { name: w.close }).click();
    await an.page.getByTestId('close-question').getByRole('button', { name: w.closeYes }).click();
    await an.page.getByText(w.closed).waitFor();
    await an.page.getByRole('button', { name: w.reopen }).waitFor();
    await an.open('/');
    expect(await an.caseloadLabels()).not.toContain(label);
  });

  it('a coordinator of both teams sees whose each case is, filters the follow-ups per worker, and sees the case of an ecogram', async () => {
    await els.open('/');
    await row(els, 'Gezin Schuld (fictief)').getByText(/Schuldhulp, Chris Testpersoon \(fictief\)/).waitFor();
    await row(els, 'Gezin Laat (fictief)').getByText(/Onthaal, An Testpersoon \(fictief\)/).waitFor();

    await els.open('/opvolging');
    const filter = els.page.getByLabel(w.person);
    await filter.selectOption({ label: 'Chris Testpersoon (fictief)' });
    await els.page.getByText('Schuldeisers aanschrijven (fictief)').waitFor();
    expect(await els.page.getByText('Attest opvragen (fictief)').count()).toBe(0);
    expect(await axeViolations(els.page)).toEqual([]);
    await filter.selectOption({ label: 'An Testpersoon (fictief)' });
    await els.page.getByText('Attest opvragen (fictief)').waitFor();
    expect(await els.page.getByText('Schuldeisers aanschrijven (fictief)').count()).toBe(0);

    await els.open('/instrumenten');
    const ecogram = els.page.getByTestId('instrument-runs').locator('li', { hasText: 'Netwerk van het gezin Schuld (fictief)' });
    await ecogram.getByTestId('run-case').getByText(w.caseOf).waitFor();
    expect(await axeViolations(els.page)).toEqual([]);
  });
});
