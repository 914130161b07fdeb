import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { App } from './pages/App';
import { axeViolations } from './support/axe';
import { openProfile, type Profile } from './support/browser';
import { startServer, type RunningServer } from './support/server';
import { signedInTablet } from './support/tablet';

/**
 * Veldwerk as an organisation runs it: a server with the demo off (DEMO=0), accounts made by the admin command,
 * two teams, and a tablet per worker (each its own browser profile). Nothing of the demo is involved.
 */
let server: RunningServer;
const profiles: Profile[] = [];
const people: Record<'an' | 'bart' | 'chris' | 'dirk' | 'els', { email: string; password: string }> = {} as never;
let admin = { email: 'beheer@testdorp.example', password: '' };

const idIn = (lines: string[]) => /created: (\S+)/.exec(lines[0] ?? '')?.[1] ?? '';
const passwordIn = (lines: string[]) => /\(shown once[^)]*\): (\S+)/.exec(lines.join('\n'))?.[1] ?? '';

beforeAll(async () => {
  server = await startServer({ demo: false, loginsPerMinute: 30 });
  const init = await server.admin('init', '--org', 'Gemeente Testdorp (fictief)', '--admin-email', admin.email, '--admin-name', 'Beheer Testdorp (fictief)');
  const org = idIn(init);
  admin = { ...admin, password: /One-time password[^:]*: (\S+)/.exec(init.join('\n'))?.[1] ?? '' };
  const onthaal = idIn(await server.admin('create-team', '--org', org, '--name', 'Onthaal'));
  const schuldhulp = idIn(await server.admin('create-team', '--org', org, '--name', 'Schuldhulp'));
  const person = async (key: keyof typeof people, name: string, team: string, role = 'worker') => {
    const email = `${key}@testdorp.example`;
    const out = await server.admin('create-user', '--org', org, '--email', email, '--name', name, '--role', role, '--team', team);
    people[key] = { email, password: passwordIn(out) };
  };
  await person('an', 'An Testpersoon (fictief)', onthaal);
  await person('bart', 'Bart Testpersoon (fictief)', onthaal);
  await person('chris', 'Chris Testpersoon (fictief)', schuldhulp);
  await person('dirk', 'Dirk Testpersoon (fictief)', onthaal);
  await server.admin('add-membership', '--email', people.dirk.email, '--team', 'Schuldhulp');
  await person('els', 'Els Coördinator (fictief)', onthaal, 'coordinator');
  await server.admin('add-membership', '--email', people.els.email, '--team', 'Schuldhulp');
});
afterAll(async () => {
  for (const profile of profiles) await profile.close();
  await server.stop();
});

const tablet = (who: keyof typeof people): Promise<App> => signedInTablet(server.url, people[who], profiles);

describe('a real organisation: two teams, three tablets', () => {
  it('a case and a note made on one tablet reach the colleague of the same team and never the other team', async () => {
    const an = await tablet('an');
    const bart = await tablet('bart');
    const chris = await tablet('chris');
    // The server has no demo: a fresh, signed-in tablet starts empty, with the organisation's name in the header.
    expect(await an.caseloadLabels()).toEqual([]);
    await an.page.getByText('Gemeente Testdorp (fictief)').first().waitFor();

    await an.createCase('Gezin Aerts (fictief)');
    await an.startVisitNote();
    await an.facts().fill('Brieven van de huisbaas op tafel (fictief).');
    await an.page.getByRole('button', { name: 'Notitie bewaren' }).click();
    await an.page.getByRole('heading', { level: 1, name: 'Gezin Aerts (fictief)' }).waitFor();
    await an.syncNow();
    // Accepted by the server: nothing refused, nothing waiting.
    expect(await an.page.getByText(/vraagt aandacht|vragen aandacht/).count()).toBe(0);

    await bart.syncNow();
    await bart.openCase('Gezin Aerts (fictief)');
    await bart.page.getByRole('link', { name: /Huisbezoek van/ }).click();
    await bart.page.getByText('Brieven van de huisbaas op tafel (fictief).').waitFor();

    await chris.syncNow();
    expect(await chris.caseloadLabels()).toEqual([]);
    const raw = await chris.rawStorage();
    expect(raw).not.toContain('Aerts');
    expect(raw).not.toContain('huisbaas');
  });
});

describe('work done before signing in', () => {
  it('can be kept as the person’s own: it reaches their team, and only their team', async () => {
    const profile = await openProfile();
    profiles.push(profile);
    const app = new App(await profile.context.newPage(), server.url);
    await app.createCase('Gezin Voor-Aanmelden (fictief)');
    await app.signIn(people.an.email, people.an.password, 'keep');
    await app.syncNow();
    expect(await app.caseloadLabels()).toContain('Gezin Voor-Aanmelden (fictief)');

    const bart = await tablet('bart');
    await bart.page.getByRole('link', { name: 'Gezin Voor-Aanmelden (fictief)' }).waitFor();
    const chris = await tablet('chris');
    expect(await chris.caseloadLabels()).not.toContain('Gezin Voor-Aanmelden (fictief)');
  });
});

describe('the organisation’s field knowledge', () => {
  it('a partner and a practice example made in their forms reach a worker of the other team, with who added and who last changed them', async () => {
    const an = await tablet('an');
    const chris = await tablet('chris');
    await an.open('/partners/nieuw');
    await an.page.getByLabel('Naam van de organisatie').fill('Budgetwinkel Testdorp (fictief)');
    await an.page.getByLabel('Telefoon').fill('050 12 34 56');
    await an.page.getByRole('button', { name: 'Bewaren' }).click();
    await an.page.getByRole('heading', { level: 1, name: 'Budgetwinkel Testdorp (fictief)' }).waitFor();
    await an.open('/voorbeelden/nieuw');
    await an.page.getByLabel('Titel').fill('Buurtloket op dinsdag (fictief)');
    await an.page.getByRole('button', { name: 'Bewaren' }).click();
    await an.page.getByRole('heading', { level: 1, name: 'Buurtloket op dinsdag (fictief)' }).waitFor();
    await an.syncNow();
    // Accepted by the server: nothing refused.
    expect(await an.page.getByText(/vraagt aandacht|vragen aandacht/).count()).toBe(0);

    // Chris works in the other team: field knowledge belongs to the whole organisation.
    await chris.syncNow();
    await chris.open('/voorbeelden');
    await chris.page.getByRole('link', { name: /Buurtloket op dinsdag \(fictief\)/ }).click();
    await chris.page.getByTestId('made-by').getByText('Toegevoegd door An Testpersoon (fictief)').waitFor();
    await chris.open('/partners');
    await chris.page.getByRole('link', { name: /Budgetwinkel Testdorp \(fictief\)/ }).click();
    await chris.page.getByTestId('made-by').getByText('Toegevoegd door An Testpersoon (fictief)').waitFor();
    await chris.page.getByRole('link', { name: 'Gegevens wijzigen' }).click();
    await chris.page.getByLabel('Telefoon').fill('050 65 43 21');
    await chris.page.getByRole('button', { name: 'Bewaren' }).click();
    await chris.page.getByRole('heading', { level: 1, name: 'Budgetwinkel Testdorp (fictief)' }).waitFor();
    await chris.syncNow();

    await an.syncNow();
    await an.open('/partners');
    await an.page.getByRole('link', { name: /Budgetwinkel Testdorp \(fictief\)/ }).click();
    await an.page.getByText('050 65 43 21').first().waitFor();
    const madeBy = an.page.getByTestId('made-by');
    await madeBy.getByText(/^Toegevoegd door An Testpersoon \(fictief\) · laatst gewijzigd door Chris Testpersoon \(fictief\), /).waitFor();
  });
});

describe('a coordinator over two teams', () => {
  it('sees each case with its team and worker, and narrows the list per worker and per team', async () => {
    const chris = await tablet('chris');
    await chris.createCase('Gezin Berghmans (fictief)');
    await chris.syncNow();
    const els = await tablet('els');
    await els.page.getByRole('link', { name: /Gezin Berghmans \(fictief\).*Schuldhulp, Chris Testpersoon \(fictief\)/ }).waitFor();
    await els.page.getByRole('link', { name: /Gezin Aerts \(fictief\).*Onthaal, An Testpersoon \(fictief\)/ }).waitFor();
    await els.page.getByLabel('Medewerker').selectOption({ label: 'Chris Testpersoon (fictief)' });
    expect(await els.caseloadLabels()).toEqual(['Gezin Berghmans (fictief)']);
    await els.page.getByLabel('Medewerker').selectOption({ label: 'Iedereen' });
    await els.page.getByLabel('Team', { exact: true }).selectOption({ label: 'Onthaal' });
    const onthaal = await els.caseloadLabels();
    expect(onthaal).toContain('Gezin Aerts (fictief)');
    expect(onthaal).not.toContain('Gezin Berghmans (fictief)');
  });
});

describe('leavers and movers', () => {
  it('a worker taken out of a team loses that team’s rows at the next sync; an unsent change of it stays visible with its text', async () => {
    const dirk = await tablet('dirk');
    // In two teams: the case form asks which one.
    await dirk.open('/dossiers/nieuw');
    await dirk.page.getByLabel('Team', { exact: true }).selectOption({ label: 'Schuldhulp' });
    await dirk.page.getByLabel('Naam van het dossier').fill('Gezin Schuld-Dirk (fictief)');
    await dirk.page.getByRole('button', { name: 'Bewaren' }).click();
    await dirk.page.getByRole('heading', { level: 1, name: 'Gezin Schuld-Dirk (fictief)' }).waitFor();
    await dirk.syncNow();
    // Offline, a change to that case waits on the tablet while the admin moves Dirk out of Schuldhulp.
    await dirk.page.context().setOffline(true);
    await dirk.open('/');
    await dirk.openCase('Gezin Schuld-Dirk (fictief)');
    await dirk.page.getByRole('link', { name: 'Gegevens wijzigen' }).click();
    await dirk.page.getByLabel('Gezinssamenstelling').fill('Moeder en twee zonen (fictief)');
    await dirk.page.getByRole('button', { name: 'Bewaren' }).click();
    await dirk.page.getByRole('heading', { level: 1, name: 'Gezin Schuld-Dirk (fictief)' }).waitFor();
    await server.admin('remove-membership', '--email', people.dirk.email, '--team', 'Schuldhulp');
    // The app opens again, still offline, and then finds the connection: its new session says which teams Dirk
    // has now. (An access token kept in memory would work for up to a minute more: see the README on revocation.)
    await dirk.open('/');
    await dirk.page.context().setOffline(false);
    await dirk.page.getByRole('button', { name: 'Nu synchroniseren' }).click();
    await dirk.page.getByText('1 wijziging vraagt aandacht').waitFor({ timeout: 20_000 });
    expect(await dirk.caseloadLabels()).not.toContain('Gezin Schuld-Dirk (fictief)');
    await dirk.open('/instellingen');
    await dirk.page.getByText(/Je hoort niet meer bij het team van deze wijziging/).waitFor();
    await dirk.page.getByText('Moeder en twee zonen (fictief)').waitFor();
    expect(await dirk.rawStorage()).not.toContain('Gezin Schuld-Dirk');
    // The refused change no longer counts as waiting to be sent, and it holds nothing back: Dirk's next case
    // in Onthaal reaches his colleague.
    await dirk.page.getByTestId('device-status').getByText('Geen wijzigingen die wachten').waitFor();
    await dirk.createCase('Gezin Na-Verhuis (fictief)');
    await dirk.syncNow();
    const an = await tablet('an');
    await an.page.getByRole('link', { name: 'Gezin Na-Verhuis (fictief)' }).waitFor();

    // Signing out waits until the refused change is dealt with: here Dirk copies its text, then discards it.
    await dirk.open('/instellingen');
    await dirk.page.getByRole('button', { name: 'Afmelden' }).click();
    await dirk.page.getByText('Afmelden kan pas als je de wijzigingen die niet aankwamen hebt afgehandeld.').waitFor();
    await dirk.page.getByRole('button', { name: 'Tekst kopiëren' }).click();
    await dirk.page.getByText(/De tekst staat op het klembord|Kopiëren lukte niet op dit toestel/).waitFor();
    await dirk.page.getByRole('button', { name: 'Wissen…' }).click();
    await dirk.page.getByText('Deze wijziging wissen? Deze tekst gaat dan verloren:').waitFor();
    await dirk.page.getByRole('button', { name: 'Ja, wissen' }).click();
    await dirk.page.getByText(/Je hoort niet meer bij het team/).waitFor({ state: 'detached' });
    expect(await dirk.page.getByText('Moeder en twee zonen (fictief)').count()).toBe(0);
    await dirk.page.getByRole('button', { name: 'Afmelden' }).click();
    await dirk.page.getByText(/Je bent afgemeld/).waitFor();
  });

  it('a disabled worker’s tablet erases the organisation’s data at its next contact and shows what it had not sent', async () => {
    const chris = await tablet('chris');
    await chris.page.context().setOffline(true);
    await chris.createCase('Gezin Laatste (fictief)');
    await server.admin('disable-user', '--email', people.chris.email);
    // The app opens again offline, then finds the connection, syncs by itself and hears that the account is
    // closed. (An access token kept in memory would work for up to a minute more: see the README on revocation.)
    await chris.open('/');
    await chris.page.context().setOffline(false);
    await chris.page.getByRole('heading', { level: 1, name: 'Je toegang is afgesloten' }).waitFor({ timeout: 20_000 });
    await chris.page.getByTestId('ended-unsent').getByText('Gezin Laatste (fictief)').waitFor();
    const raw = await chris.rawStorage();
    expect(raw).not.toContain('Gezin Laatste');
    expect(raw).not.toContain('Gemeente Testdorp');
  });
});

describe('one person per tablet', () => {
  it('refuses a second person over the first one’s data; the first one signs in again and their unsent case goes out', async () => {
    const an = await tablet('an');
    await an.page.context().setOffline(true);
    await an.createCase('Gezin Claes (fictief)');
    await an.page.context().setOffline(false);
    await an.open('/aanmelden');
    // Dirk (of both teams until the leavers' test) tries to sign in on An's tablet.
    await an.page.getByLabel('E-mailadres').fill(people.dirk.email);
    await an.page.getByLabel('Wachtwoord').fill(people.dirk.password);
    await an.page.getByRole('button', { name: 'Aanmelden' }).last().click();
    await an.page.getByRole('alert').getByText('Op dit toestel staan de gegevens van An Testpersoon (fictief).').waitFor();
    expect(await an.page.getByRole('heading', { level: 1, name: 'Aanmelden' }).isVisible()).toBe(true);
    // Nothing of An's was erased or handed to Dirk: the case is still An's, waiting to be sent.
    await an.signIn(people.an.email, people.an.password);
    await an.page.getByRole('link', { name: 'Gezin Claes (fictief)' }).waitFor();
    await an.syncNow();
    const bart = await tablet('bart');
    await bart.page.getByRole('link', { name: 'Gezin Claes (fictief)' }).waitFor();
  });
});

describe('a signed-in device opens only with the password', () => {
  it('shows nothing before the password after a reload offline, refuses a wrong one, and opens with the right one', async () => {
    const an = await tablet('an');
    await an.createCase('Gezin Slot-Verhulst (fictief)');
    await an.page.context().setOffline(true);
    try {
      await an.page.reload();
      await an.page.getByRole('heading', { level: 1, name: 'Veldwerk is vergrendeld' }).waitFor();
      expect(await an.page.locator('body').innerText()).not.toContain('Slot-Verhulst');
      await an.page.locator('.lock-screen').getByLabel('Wachtwoord').fill('niet het wachtwoord');
      await an.page.getByRole('button', { name: 'Ontgrendelen' }).click();
      await an.page.getByRole('alert').getByText('Het wachtwoord klopt niet. Probeer het opnieuw.').waitFor();
      expect(await axeViolations(an.page), 'the unlock screen with its error').toEqual([]);
      await an.unlock(people.an.password);
      await an.page.getByRole('heading', { level: 1, name: 'Gezin Slot-Verhulst (fictief)' }).waitFor();
    } finally {
      await an.page.context().setOffline(false);
    }
  });

  it('"Vergrendelen" hides every view in every tab, keeps what was typed, and one tab’s unlock opens the other', async () => {
    const an = await tablet('an');
    const other = new App(await an.page.context().newPage(), server.url);
    await other.page.goto(`${server.url}/`);
    await other.page.getByRole('heading', { level: 1, name: 'Veldwerk is vergrendeld' }).waitFor();
    await other.unlock(people.an.password);
    await an.open('/dossiers/nieuw');
    await an.page.getByLabel('Naam van het dossier').fill('Gezin Half-Getypt (fictief)');
    await an.page.getByRole('navigation').getByRole('button', { name: 'Vergrendelen' }).click();
    for (const tab of [an, other]) {
      await tab.page.getByRole('heading', { level: 1, name: 'Veldwerk is vergrendeld' }).waitFor();
      expect(await tab.page.locator('body').innerText()).not.toContain('Half-Getypt');
    }
    await an.unlock(people.an.password);
    expect(await an.page.getByLabel('Naam van het dossier').inputValue()).toBe('Gezin Half-Getypt (fictief)');
    await other.page.getByRole('navigation').waitFor();
    expect(await other.page.getByRole('heading', { level: 1, name: 'Veldwerk is vergrendeld' }).isVisible()).toBe(false);
    await other.page.close();
  });

  it('a PIN opens a screen lock and keeps what was typed; five wrong PINs make it a full lock that only the password opens, and a form typed before it comes back after a reload', async () => {
    const an = await tablet('an');
    await an.open('/instellingen');
    await an.page.getByLabel('Nieuwe pincode').fill('48291');
    await an.page.getByRole('button', { name: 'Pincode bewaren' }).click();
    await an.page.getByText('Vul een pincode in van minstens 6 cijfers, alleen cijfers.').first().waitFor();
    await an.page.getByLabel('Nieuwe pincode').fill('482913');
    await an.page.getByLabel('Herhaal de pincode').fill('482913');
    await an.page.getByRole('button', { name: 'Pincode bewaren' }).click();
    await an.page.getByText('Pincode bewaard.', { exact: false }).waitFor();

    await an.open('/dossiers/nieuw');
    await an.page.getByLabel('Naam van het dossier').fill('Gezin Pin-Getypt (fictief)');
    const lock = an.page.locator('.lock-screen');
    const pin = lock.getByLabel('Pincode', { exact: true });
    const submit = lock.getByRole('button', { name: 'Ontgrendelen' });
    await an.page.getByRole('navigation').getByRole('button', { name: 'Vergrendelen' }).click();
    await pin.fill('000000');
    await submit.click();
    await lock.getByRole('alert').getByText('Die pincode klopt niet. Nog 4 pogingen, daarna vraagt Veldwerk je wachtwoord.').waitFor();
    expect(await an.page.locator('body').innerText()).not.toContain('Pin-Getypt');
    expect(await axeViolations(an.page), 'the PIN screen with its error').toEqual([]);
    await pin.fill('482913');
    await submit.click();
    await an.page.getByRole('navigation').waitFor();
    expect(await an.page.getByLabel('Naam van het dossier').inputValue()).toBe('Gezin Pin-Getypt (fictief)');

    // The count starts again after a right PIN; the fifth wrong one in a row drops the key.
    await an.page.getByRole('navigation').getByRole('button', { name: 'Vergrendelen' }).click();
    for (let tried = 1; tried <= 4; tried++) {
      await pin.fill('111111');
      await submit.click();
      await lock.getByRole('alert').getByText(`Nog ${5 - tried} poging`).waitFor();
    }
    await pin.fill('111111');
    await submit.click();
    await lock.getByText('Vijf keer een verkeerde pincode: Veldwerk is nu helemaal vergrendeld. Geef je wachtwoord.').waitFor();
    expect(await lock.getByLabel('Pincode', { exact: true }).count()).toBe(0);
    await an.unlock(people.an.password);
    expect(await an.page.getByLabel('Naam van het dossier').inputValue()).toBe('Gezin Pin-Getypt (fictief)');

    // The tab closed under a full lock (the browser reclaimed it): the form was kept sealed, and comes back.
    await an.page.getByLabel('Naam van het dossier').fill('Gezin Na-Herstart-Getypt (fictief)');
    await an.page.getByRole('navigation').getByRole('button', { name: 'Vergrendelen' }).click();
    for (let tried = 1; tried <= 5; tried++) {
      await pin.fill('111111');
      await submit.click();
      if (tried < 5) await lock.getByRole('alert').getByText(`Nog ${5 - tried} poging`).waitFor();
    }
    await lock.getByText('Vijf keer een verkeerde pincode', { exact: false }).waitFor();
    await expect.poll(() => keptForms(an.page)).toBe(1);
    expect(await an.rawStorage()).not.toContain('Na-Herstart-Getypt');
    await an.page.reload();
    await an.page.getByRole('heading', { level: 1, name: 'Veldwerk is vergrendeld' }).waitFor();
    expect(await an.page.locator('body').innerText()).not.toContain('Na-Herstart-Getypt');
    await an.unlock(people.an.password);
    await an.open('/dossiers/nieuw');
    await expect.poll(() => an.page.getByLabel('Naam van het dossier').inputValue()).toBe('Gezin Na-Herstart-Getypt (fictief)');
    // Given up: cancelled, nothing of it is kept any more.
    an.page.once('dialog', (leave) => void leave.accept());
    await an.page.getByRole('link', { name: 'Annuleren' }).click();
    await an.page.waitForURL(`${server.url}/`);
    await expect.poll(() => keptForms(an.page)).toBe(0);
  });

  it('the discreet mode shows clients by initials without moving the layout, and a tap on a case’s initials shows the name', async () => {
    const an = await tablet('an');
    const aerts = an.page.getByTestId('caseload').locator('li').filter({ hasText: 'Gezin Aerts (fictief)' });
    const before = await aerts.boundingBox();
    await an.open('/instellingen');
    await an.page.getByLabel('Namen van cliënten tonen als initialen').check();
    await an.open('/');
    await aerts.getByRole('link', { name: /G\. A\./ }).waitFor();
    expect(await aerts.boundingBox()).toEqual(before);
    expect(await an.page.getByTestId('caseload').innerText()).not.toContain('Aerts');
    expect(await axeViolations(an.page), 'the caseload in the discreet mode').toEqual([]);

    await aerts.getByRole('link').click();
    const heading = an.page.getByRole('heading', { level: 1 });
    const reveal = heading.getByRole('button', { name: 'G. A. (naam tonen)' });
    await reveal.waitFor();
    expect(await an.page.locator('main').innerText()).not.toContain('Aerts');
    const headingBox = await heading.boundingBox();
    await reveal.click();
    await an.page.getByRole('heading', { level: 1, name: 'Gezin Aerts (fictief)' }).waitFor();
    expect(await heading.boundingBox()).toEqual(headingBox);

    // The follow-ups name their case by its initials too.
    await an.page.getByRole('button', { name: 'Opvolging toevoegen' }).click();
    await an.page.getByLabel('Wat moet er gebeuren?').fill('Huisbaas opbellen (fictief)');
    await an.page.getByRole('button', { name: 'Toevoegen', exact: true }).click();
    await an.page.locator('li.followup', { hasText: 'Huisbaas opbellen (fictief)' }).waitFor();
    await an.open('/opvolging');
    const followUp = an.page.locator('li', { hasText: 'Huisbaas opbellen (fictief)' });
    await followUp.getByText(/G\. A\./).waitFor();
    expect(await an.page.locator('main').innerText()).not.toContain('Aerts');
  });

  it('keeps client data sealed on the device: a case name, a saved note, a follow-up, a draft and a half-typed form are nowhere in the raw storage, and all back after a reload and unlock', async () => {
    const an = await tablet('an');
    await an.createCase('Gezin Kwartelkoning (fictief)');
    await an.startVisitNote();
    await an.facts().fill('Kwartelzang in de opgeslagen notitie (fictief)');
    await an.page.getByRole('button', { name: 'Notitie bewaren' }).click();
    await an.page.getByRole('heading', { level: 1, name: 'Gezin Kwartelkoning (fictief)' }).waitFor();
    await an.page.getByRole('button', { name: 'Opvolging toevoegen' }).click();
    await an.page.getByLabel('Wat moet er gebeuren?').fill('Kwartelbrief nasturen (fictief)');
    await an.page.getByRole('button', { name: 'Toevoegen', exact: true }).click();
    await an.page.locator('li.followup', { hasText: 'Kwartelbrief nasturen (fictief)' }).waitFor();
    await an.startVisitNote();
    await an.facts().fill('Kwartelmarkering in het concept (fictief)');
    await an.draftSaved();
    // A plain form, typed and not saved: its text lives only on screen.
    await an.open('/dossiers/nieuw');
    await an.page.getByLabel('Naam van het dossier').fill('Gezin Kwartelformulier (fictief)');
    const raw = await an.rawStorage();
    expect(raw).toContain('Gemeente Testdorp'); // the dump does read the device's data …
    for (const marker of ['Kwartelkoning', 'Kwartelzang', 'Kwartelbrief', 'Kwartelmarkering', 'Kwartelformulier']) expect(raw).not.toContain(marker); // … but none of this

    await an.page.reload();
    await an.unlockIfAsked();
    await an.openCase('Gezin Kwartelkoning (fictief)');
    await an.page.getByText('Kwartelbrief nasturen (fictief)').waitFor();
    await an.page.getByTestId('timeline').getByRole('link').first().click();
    await an.page.getByText('Kwartelzang in de opgeslagen notitie (fictief)').waitFor();
    await an.openCase('Gezin Kwartelkoning (fictief)');
    await an.startVisitNote();
    await expect.poll(() => an.facts().inputValue(), { timeout: 10_000 }).toBe('Kwartelmarkering in het concept (fictief)');
    await an.syncNow();
    const bart = await tablet('bart');
    await bart.openCase('Gezin Kwartelkoning (fictief)');
    await bart.page.getByText('Kwartelbrief nasturen (fictief)').waitFor();
  });

  it('a forgotten password loses nothing: after a reset, an online sign-in opens the device and the unsent case goes out', async () => {
    const bart = await tablet('bart');
    await bart.page.context().setOffline(true);
    await bart.createCase('Gezin Vergeten-Wachtwoord (fictief)');
    await bart.page.context().setOffline(false);
    const reset = await server.admin('reset-password', '--email', people.bart.email);
    const newPassword = passwordIn(reset);
    expect(newPassword).not.toBe('');
    await bart.page.reload();
    await bart.page.getByRole('button', { name: 'Wachtwoord vergeten?' }).click();
    await bart.page.locator('.lock-screen').getByLabel('E-mailadres').fill(people.bart.email);
    await bart.page.locator('.lock-screen').getByLabel('Wachtwoord').fill(newPassword);
    await bart.page.locator('.lock-screen').getByRole('button', { name: 'Aanmelden' }).click();
    await bart.page.getByRole('link', { name: 'Gezin Vergeten-Wachtwoord (fictief)' }).waitFor();
    people.bart = { ...people.bart, password: newPassword };
    await bart.syncNow();
    const colleague = await tablet('an');
    await colleague.syncNow();
    await colleague.page.getByRole('link', { name: 'Gezin Vergeten-Wachtwoord (fictief)' }).waitFor();
  });
});

describe('a revoked device', () => {
  it('erases the organisation’s data at its next contact, while the same person’s other tablet goes on', async () => {
    const lost = await tablet('bart');
    const other = await tablet('bart');
    // The admin revokes the lost tablet through the admin API, as the admin screen does.
    const token = await adminToken();
    const api = (path: string, init: RequestInit = {}) =>
      fetch(`${server.url}/api/admin${path}`, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } });
    const { people: everyone } = (await (await api('/people')).json()) as { people: Array<{ id: string; email: string }> };
    const bart = everyone.find((p) => p.email === people.bart.email)!;
    const lostId = await lost.page.evaluate(
      () =>
        new Promise<string>((resolve, reject) => {
          const open = indexedDB.open('veldwerk');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const get = open.result.transaction('meta').objectStore('meta').get('clientId');
            get.onsuccess = () => {
              // Left open, this connection would hold up the device's own erase.
              open.result.close();
              resolve((get.result as { value: string }).value);
            };
          };
        }),
    );
    const { devices } = (await (await api(`/people/${bart.id}/devices`)).json()) as { devices: Array<{ clientId: string }> };
    expect(devices.map((d) => d.clientId)).toContain(lostId);
    expect((await api(`/devices/${lostId}/revoke`, { method: 'POST', body: '{}' })).status).toBe(204);

    await lost.page.getByRole('button', { name: 'Nu synchroniseren' }).click();
    await lost.page.getByRole('heading', { level: 1, name: 'Dit toestel heeft geen toegang meer' }).waitFor({ timeout: 20_000 });
    expect(await lost.rawStorage()).not.toContain('Gezin Aerts');
    await other.syncNow();
    await other.page.getByRole('link', { name: 'Gezin Aerts (fictief)' }).waitFor();
  });
});

/** How many plain forms this device keeps over a lock (db/keptForms.ts): counted, never opened. */
function keptForms(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('veldwerk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const count = open.result.transaction('drafts').objectStore('drafts').count(IDBKeyRange.bound('form:', 'form;'));
          count.onsuccess = () => {
            // Left open, this connection would hold up a version change.
            open.result.close();
            resolve(count.result);
          };
        };
      }),
  );
}

async function adminToken(): Promise<string> {
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: admin.email, password: admin.password }),
  });
  return ((await res.json()) as { accessToken: string }).accessToken;
}

describe('the first admin, made by init', () => {
  it('adds a worker to a team in the admin screens, and the worker signs in with the one-time password and finds the team’s cases', async () => {
    const profile = await openProfile();
    profiles.push(profile);
    const beheer = new App(await profile.context.newPage(), server.url);
    await beheer.signIn(admin.email, admin.password);
    await beheer.page.getByRole('navigation').getByRole('link', { name: 'Beheer' }).click();
    await beheer.open('/beheer/mensen/nieuw');
    await beheer.page.getByLabel('E-mailadres').fill('eva@testdorp.example');
    await beheer.page.getByLabel('Naam', { exact: true }).fill('Eva Testpersoon (fictief)');
    await beheer.page.getByLabel('Maatschappelijk werker').check();
    await beheer.page.getByLabel('Onthaal').check();
    await beheer.page.getByRole('button', { name: 'Persoon toevoegen' }).click();
    const oneTime = ((await beheer.page.getByTestId('one-time-password').textContent()) ?? '').trim();
    expect(oneTime.length).toBeGreaterThanOrEqual(8);

    const evaProfile = await openProfile();
    profiles.push(evaProfile);
    const eva = new App(await evaProfile.context.newPage(), server.url);
    await eva.signIn('eva@testdorp.example', oneTime);
    await eva.synced();
    await eva.page.getByRole('link', { name: 'Gezin Aerts (fictief)' }).waitFor();
    expect(await eva.caseloadLabels()).not.toContain('Gezin Schuld-Dirk (fictief)');
  });

  it('"Overal afmelden" ends a worker’s sessions: their tablet asks for a new sign-in and keeps its data', async () => {
    const an = await tablet('an');
    await an.page.context().setOffline(true);
    await an.createCase('Gezin Na-Afmelden (fictief)');
    const profile = await openProfile();
    profiles.push(profile);
    const beheer = new App(await profile.context.newPage(), server.url);
    await beheer.signIn(admin.email, admin.password);
    await beheer.open('/beheer/mensen');
    await beheer.page.getByTestId('people').getByRole('link', { name: /An Testpersoon \(fictief\)/ }).click();
    await beheer.page.getByRole('button', { name: 'Overal afmelden' }).click();
    await beheer.page.getByRole('button', { name: 'Ja, overal afmelden' }).click();
    await beheer.page.getByText('An Testpersoon (fictief) is overal afgemeld.').waitFor();

    // The tablet opens again (its access token was in memory only) and finds the connection.
    await an.open('/');
    await an.page.context().setOffline(false);
    await an.page.getByRole('button', { name: 'Nu synchroniseren' }).click();
    await an.page.getByText('Meld je opnieuw aan om te synchroniseren. Je wijzigingen blijven bewaard.').first().waitFor({ timeout: 20_000 });
    expect(await an.caseloadLabels()).toContain('Gezin Na-Afmelden (fictief)');
    await an.signIn(people.an.email, people.an.password);
    await an.syncNow();
    const bart = await tablet('bart');
    await bart.page.getByRole('link', { name: 'Gezin Na-Afmelden (fictief)' }).waitFor();
  });
});
