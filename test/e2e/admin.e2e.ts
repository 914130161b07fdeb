import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { App } from './pages/App';
import { axeViolations } from './support/axe';
import { openProfile, type Profile } from './support/browser';
import { startServer, type RunningServer } from './support/server';

/**
 * The admin screens against the real server: an admin adds a person to a new team and sees their one-time
 * password once, disables them, changes a setting; a coordinator sees their teams' members. Each screen, in
 * its states that matter, passes axe (WCAG 2.2 AA) in Dutch and English.
 */
let server: RunningServer;
const profiles: Profile[] = [];
let admin: App;
let coordinator: App;

const NEW_TEAM = 'Team Noord (e2e)';
const NEW_PERSON = { email: 'an.noord@voorbeeldstad.example', name: 'An Noord (fictief)' };
let newPersonId = '';
let oneTimePassword = '';

async function signedIn(email: string, password: string): Promise<App> {
  const profile = await openProfile();
  profiles.push(profile);
  const app = new App(await profile.context.newPage(), server.url);
  await app.signIn(email, password);
  return app;
}

/** What the server answers a sign-in with these credentials (200, 401 or 403), asked outside the browser. */
async function loginStatus(email: string, password: string): Promise<number> {
  const res = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  return res.status;
}

async function noViolations(page: Page, what: string): Promise<void> {
  expect(await axeViolations(page), what).toEqual([]);
}

beforeAll(async () => {
  server = await startServer();
  admin = await signedIn('beheer@voorbeeldstad.example', 'demo-beheer-1');
});
afterAll(async () => {
  for (const p of profiles) await p.close();
  await server?.stop();
});

describe('an admin manages the organisation in the app', () => {
  it('finds "Beheer" in the menu, and its three parts on the overview', async () => {
    const page = admin.page;
    await page.getByRole('navigation').getByRole('link', { name: 'Beheer' }).click();
    await page.getByRole('heading', { level: 1, name: 'Beheer' }).waitFor();
    for (const name of ['Mensen', 'Teams', 'Instellingen']) await page.getByRole('main').getByRole('link', { name: new RegExp(`^${name}`) }).waitFor();
    await page.getByRole('main').getByText('Beheer werkt alleen met verbinding').waitFor();
  });

  it('creates a team', async () => {
    const page = admin.page;
    await admin.open('/beheer/teams');
    await page.getByLabel('Naam van het team').fill(NEW_TEAM);
    await page.getByRole('button', { name: 'Team aanmaken' }).click();
    await page.getByText(`Het team ${NEW_TEAM} is aangemaakt.`).waitFor();
    await page.getByRole('heading', { level: 2, name: NEW_TEAM }).waitFor();
  });

  it('refuses a person without name or valid e-mail, saying so under the field and in a summary', async () => {
    const page = admin.page;
    await admin.open('/beheer/mensen/nieuw');
    await page.getByLabel('E-mailadres').fill('geen-adres');
    await page.getByRole('button', { name: 'Persoon toevoegen' }).click();
    await page.getByTestId('error-summary').getByText('Er is een probleem').waitFor();
    expect(await page.getByLabel('E-mailadres').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Naam', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await page.getByText('Vul een e-mailadres in zoals naam@voorbeeld.be.').first().waitFor();
    await noViolations(page, 'new person with errors');
  });

  it('adds a person to the new team and shows their one-time password once, which signs them in', async () => {
    const page = admin.page;
    await admin.open('/beheer/mensen/nieuw');
    await page.getByLabel('E-mailadres').fill(NEW_PERSON.email);
    await page.getByLabel('Naam', { exact: true }).fill(NEW_PERSON.name);
    await page.getByLabel('Maatschappelijk werker').check();
    await page.getByLabel(NEW_TEAM).check();
    await page.getByRole('button', { name: 'Persoon toevoegen' }).click();
    await page.getByRole('heading', { level: 2, name: `Eenmalig wachtwoord voor ${NEW_PERSON.name}` }).waitFor();
    oneTimePassword = ((await page.getByTestId('one-time-password').textContent()) ?? '').trim();
    expect(oneTimePassword.length).toBeGreaterThanOrEqual(8);
    await page.getByText('Geef dit wachtwoord veilig door').waitFor();
    await noViolations(page, 'one-time password');
    expect(await loginStatus(NEW_PERSON.email, oneTimePassword)).toBe(200);

    await page.getByRole('link', { name: `Naar ${NEW_PERSON.name}` }).click();
    await page.getByRole('heading', { level: 2, name: NEW_PERSON.name }).waitFor();
    newPersonId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    const facts = page.getByTestId('person-facts');
    await facts.getByText(NEW_TEAM).waitFor();
    await facts.getByText('Actief').waitFor();
  });

  it('says the same e-mail address is taken, under the field', async () => {
    const page = admin.page;
    await admin.open('/beheer/mensen/nieuw');
    await page.getByLabel('E-mailadres').fill(NEW_PERSON.email);
    await page.getByLabel('Naam', { exact: true }).fill('Iemand anders');
    await page.getByRole('button', { name: 'Persoon toevoegen' }).click();
    await page.getByText('Er is al een account met dit e-mailadres.').first().waitFor();
    expect(await page.getByLabel('E-mailadres').getAttribute('aria-invalid')).toBe('true');
  });

  it('disables them after saying what happens to their devices; they can no longer sign in', async () => {
    const page = admin.page;
    await admin.open(`/beheer/mensen/${encodeURIComponent(newPersonId)}`);
    await page.getByRole('button', { name: 'Account uitschakelen' }).click();
    await page.getByText('wissen de gegevens van de organisatie').waitFor();
    await noViolations(page, 'disable confirmation');
    await page.getByRole('button', { name: 'Ja, account uitschakelen' }).click();
    await page.getByText(`${NEW_PERSON.name} is uitgeschakeld.`).waitFor();
    await page.getByTestId('person-facts').getByText('Uitgeschakeld: kan zich niet aanmelden').waitFor();
    expect(await loginStatus(NEW_PERSON.email, oneTimePassword)).toBe(403);

    await admin.open('/beheer/mensen');
    await page.getByTestId('people').getByRole('link', { name: NEW_PERSON.name }).getByText('Uitgeschakeld').waitFor();
  });

  it('enables them again, and a new one-time password replaces the old one', async () => {
    const page = admin.page;
    await admin.open(`/beheer/mensen/${encodeURIComponent(newPersonId)}`);
    await page.getByRole('button', { name: 'Account weer inschakelen' }).click();
    await page.getByRole('button', { name: 'Ja, weer inschakelen' }).click();
    await page.getByText(`${NEW_PERSON.name} kan zich weer aanmelden.`).waitFor();
    expect(await loginStatus(NEW_PERSON.email, oneTimePassword)).toBe(200);

    await page.getByRole('button', { name: 'Nieuw wachtwoord maken' }).click();
    await page.getByText('Je krijgt een eenmalig wachtwoord om door te geven.').waitFor();
    await page.getByRole('button', { name: 'Ja, nieuw wachtwoord maken' }).click();
    await page.getByRole('heading', { level: 2, name: `Eenmalig wachtwoord voor ${NEW_PERSON.name}` }).waitFor();
    const fresh = ((await page.getByTestId('one-time-password').textContent()) ?? '').trim();
    expect(fresh).not.toBe(oneTimePassword);
    expect(await loginStatus(NEW_PERSON.email, oneTimePassword)).toBe(401);
    expect(await loginStatus(NEW_PERSON.email, fresh)).toBe(200);
    oneTimePassword = fresh;
  });

  it('shows what was done to their account in words, and downloads that log as CSV', async () => {
    const page = admin.page;
    await admin.open(`/beheer/mensen/${encodeURIComponent(newPersonId)}`);
    const log = page.getByTestId('audit');
    for (const words of ['Account aangemaakt', 'Account uitgeschakeld', 'Account weer ingeschakeld', 'Nieuw wachtwoord gemaakt']) await log.getByText(words, { exact: true }).first().waitFor();
    await log.getByText('door Beheerder Demo (fictief)').first().waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Logboek downloaden (CSV)' }).click()]);
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv.startsWith('\uFEFFat,userId,userName,action,target,clientId,rowCount\r\n')).toBe(true);
    expect(csv).toContain(',account.disable,');
    await noViolations(page, 'person with their log');
  });

  it('changes their role', async () => {
    const page = admin.page;
    await admin.open(`/beheer/mensen/${encodeURIComponent(newPersonId)}`);
    await page.getByLabel('Coördinator').check();
    await page.getByRole('button', { name: 'Rol bewaren' }).click();
    await page.getByText(`De rol van ${NEW_PERSON.name} is nu Coördinator.`).waitFor();
    await page.getByTestId('person-facts').getByText('Coördinator').waitFor();
  });

  it('adds them to a team and takes them out again, after saying what that does; renames a team', async () => {
    const page = admin.page;
    await admin.open('/beheer/teams');
    const onthaal = page.getByRole('region', { name: 'Onthaal', exact: true });
    await onthaal.getByLabel('Lid toevoegen aan Onthaal').selectOption({ label: NEW_PERSON.name });
    await onthaal.getByRole('button', { name: 'Toevoegen' }).click();
    await onthaal.getByText(`${NEW_PERSON.name} is toegevoegd aan Onthaal.`).waitFor();
    await onthaal.getByRole('link', { name: NEW_PERSON.name }).waitFor();

    await onthaal.getByRole('button', { name: `${NEW_PERSON.name} uit het team halen` }).click();
    await onthaal.getByText('ziet de dossiers van Onthaal dan niet meer').waitFor();
    await noViolations(page, 'teams with a question open');
    await onthaal.getByRole('button', { name: 'Ja, uit het team halen' }).click();
    await onthaal.getByText(`${NEW_PERSON.name} is uit Onthaal gehaald.`).waitFor();
    await onthaal.getByRole('link', { name: NEW_PERSON.name }).waitFor({ state: 'detached' });

    const noord = page.getByRole('region', { name: NEW_TEAM, exact: true });
    await noord.getByLabel(`Nieuwe naam voor ${NEW_TEAM}`).fill('Team Noord-Oost (e2e)');
    await noord.getByRole('button', { name: 'Naam bewaren' }).click();
    await page.getByRole('heading', { level: 2, name: 'Team Noord-Oost (e2e)' }).waitFor();
  });

  it('changes a setting within its bounds, and the server keeps it', async () => {
    const page = admin.page;
    await admin.open('/beheer/instellingen');
    const field = page.getByLabel('Scherm vergrendelen na (minuten)');
    await field.fill('0');
    await page.getByRole('button', { name: 'Instellingen bewaren' }).click();
    await page.getByText('Vul een heel getal in van 1 tot 60.').first().waitFor();
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    await noViolations(page, 'settings with errors');
    await field.fill('12');
    await page.getByRole('button', { name: 'Instellingen bewaren' }).click();
    await page.getByText('De instellingen zijn bewaard.').waitFor();
    await admin.open('/beheer/instellingen');
    expect(await page.getByLabel('Scherm vergrendelen na (minuten)').inputValue()).toBe('12');
  });

  it('says in words when the server cannot be reached, and allows no change then', async () => {
    const page = admin.page;
    await admin.open('/beheer/instellingen');
    await page.getByRole('button', { name: 'Instellingen bewaren' }).waitFor();
    await page.context().setOffline(true);
    try {
      await page.getByText('Beheer werkt alleen online').waitFor();
      expect(await page.getByRole('button', { name: 'Instellingen bewaren' }).isDisabled()).toBe(true);
    } finally {
      await page.context().setOffline(false);
    }
    await page.getByText('Beheer werkt alleen online').waitFor({ state: 'detached', timeout: 40_000 });
  });

  it('marks, among their own devices, the one they are holding', async () => {
    await admin.open('/beheer/mensen/demo-user-beheer');
    const devices = admin.page.getByTestId('devices');
    await devices.getByText('Dit is het toestel waarop je nu werkt').waitFor();
    expect(await devices.locator('li').count()).toBe(1);
  });

  it('stores nothing of the admin data on the device', async () => {
    expect(oneTimePassword, 'a person was created above').not.toBe('');
    const local = await admin.page.evaluate(() => JSON.stringify({ ...localStorage }));
    expect(local).not.toContain(NEW_PERSON.email);
    expect(local).not.toContain(oneTimePassword);
    const dump = await admin.rawStorage();
    expect(dump).not.toContain(NEW_PERSON.email);
    expect(dump).not.toContain(oneTimePassword);
  });
});

describe('a coordinator sees the members of their teams, read only', () => {
  beforeAll(async () => {
    coordinator = await signedIn('hilde@voorbeeldstad.example', 'demo-coordinator-1');
  });

  it('finds "Mijn teams" in the menu, not "Beheer", and the members of both teams', async () => {
    const page = coordinator.page;
    const nav = page.getByRole('navigation');
    await nav.getByRole('link', { name: 'Mijn teams' }).click();
    expect(await nav.getByRole('link', { name: 'Beheer' }).count()).toBe(0);
    await page.getByRole('heading', { level: 2, name: 'Onthaal' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Schuldhulp' }).waitFor();
    await page.getByText('Lotte Demo (fictief)').waitFor();
    expect(await page.getByRole('main').getByRole('button').count()).toBe(0);
  });

  it('is told that the admin screens are for an administrator', async () => {
    await coordinator.open('/beheer/mensen');
    await coordinator.page.getByText('Alleen een beheerder van je organisatie kan dit scherm gebruiken.').waitFor();
  });
});

describe.each(['nl', 'en'])('axe finds no WCAG 2.2 AA violation on the admin screens (%s)', (lang) => {
  beforeAll(async () => {
    for (const app of [admin, coordinator]) await app.page.evaluate((l) => localStorage.setItem('veldwerk.lang', l), lang);
  });
  afterAll(async () => {
    for (const app of [admin, coordinator]) await app.page.evaluate(() => localStorage.setItem('veldwerk.lang', 'nl'));
  });

  const screens = () => [
    ['/beheer', 'main .list-link'],
    ['/beheer/mensen', '[data-testid=people]'],
    ['/beheer/mensen/nieuw', 'form input[type=email]'],
    [`/beheer/mensen/${encodeURIComponent(newPersonId)}`, '[data-testid=person-facts]'],
    ['/beheer/mensen/demo-user-beheer', '[data-testid=person-facts]'],
    ['/beheer/teams', 'main h2 >> nth=1'],
    ['/beheer/instellingen', 'form input'],
    ['/beheer/logboek', 'form input'],
  ];

  it('on every admin screen, loaded', async () => {
    for (const [path, ready] of screens()) {
      await admin.open(path!);
      await admin.page.locator(ready!).first().waitFor();
      expect(await admin.page.getAttribute('html', 'lang')).toBe(lang === 'nl' ? 'nl-BE' : 'en');
      await noViolations(admin.page, path!);
    }
  });

  it('on a person with their devices and a question open', async () => {
    await admin.open('/beheer/mensen/demo-user-beheer');
    await admin.page.getByTestId('person-facts').waitFor();
    await admin.page.locator('.device, .empty').first().waitFor();
    await admin.page.locator('main button').first().click();
    await admin.page.locator('.confirm').waitFor();
    await noViolations(admin.page, 'person with a question open');
  });

  it('on "my teams" for a coordinator', async () => {
    await coordinator.open('/mijn-teams');
    await coordinator.page.locator('main h2').first().waitFor();
    await noViolations(coordinator.page, '/mijn-teams');
  });
});

describe('axe finds no WCAG 2.2 AA violation on the admin screens on a phone, portrait (412×823, nl)', () => {
  it('on every admin screen', async () => {
    await admin.page.setViewportSize({ width: 412, height: 823 });
    try {
      for (const [path, ready] of [
        ['/beheer', 'main .list-link'],
        ['/beheer/mensen', '[data-testid=people]'],
        ['/beheer/mensen/nieuw', 'form input[type=email]'],
        [`/beheer/mensen/${encodeURIComponent(newPersonId)}`, '[data-testid=audit]'],
        ['/beheer/teams', 'main h2 >> nth=1'],
        ['/beheer/instellingen', 'form input'],
      ]) {
        await admin.open(path!);
        await admin.page.locator(ready!).first().waitFor();
        await noViolations(admin.page, path!);
      }
    } finally {
      await admin.page.setViewportSize({ width: 1024, height: 768 });
    }
  });
});

describe('an admin reads the log of a dossier', () => {
  it('shows who received its rows on which device, from the dossier\'s link', async () => {
    const page = admin.page;
    await admin.open('/beheer/logboek');
    await page.getByLabel('Dossier').fill(`${server.url}/dossiers/demo-case-1`);
    await page.getByRole('button', { name: 'Logboek tonen' }).click();
    const log = page.getByTestId('audit');
    await log.getByText('door Hilde Demo (fictief)').first().waitFor();
    await log.getByText('Gegevens ontvangen (volledig)', { exact: true }).first().waitFor();
    await log.getByText(/Toestel \S{8}/).first().waitFor();
    await noViolations(page, 'case log');
  });
});

describe('an admin revokes a device', () => {
  it('sees the coordinator’s tablet with when it was last seen, and revokes it after saying what happens', async () => {
    const page = admin.page;
    await admin.open('/beheer/mensen/demo-user-hilde');
    const devices = page.getByTestId('devices');
    await devices.getByText(/^Laatst gezien: \d/).first().waitFor();
    await devices.getByText(/^App-versie: \S+\+e2e$/).first().waitFor();
    await devices.getByRole('button', { name: 'Toestel intrekken' }).first().click();
    await page.getByText('Dit toestel kan dan niet meer synchroniseren').waitFor();
    await page.getByRole('button', { name: 'Ja, toestel intrekken' }).click();
    await page.getByText('Het toestel is ingetrokken.').waitFor();
    await devices.getByText(/^Ingetrokken op \d/).waitFor();
    expect(await devices.getByRole('button', { name: 'Toestel intrekken' }).count()).toBe(0);
  });
});
