import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { App } from './pages/App';
import { openProfile, type Profile } from './support/browser';
import { startServer, type RunningServer } from './support/server';

/**
 * The demo never mixes with a team's data: a fresh device holds the demo set before anyone signs in; signing in
 * asks what happens to it, and after "erase" the caseload, follow-ups and search show only the person's team.
 */
let server: RunningServer;
const profiles: Profile[] = [];
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  for (const profile of profiles) await profile.close();
  await server.stop();
});

const TEAMS = [
  {
    who: 'lotte@voorbeeldstad.example',
    password: 'demo-onthaal-1',
    cases: ['Gezin Demo-Peeters (fictief)', 'Meneer Test-Janssens (fictief)', 'Mevrouw Proef (fictief)'],
    followUp: 'Dochter bellen over de thuiszorg',
    otherCase: 'Gezin Proefmans (fictief)',
    otherFollowUp: 'Schuldeisers aanschrijven voor een overzicht',
  },
  {
    who: 'samir@voorbeeldstad.example',
    password: 'demo-schuldhulp-1',
    cases: ['Gezin Proefmans (fictief)', 'Mevrouw Voorbeeld-Claes (fictief)'],
    followUp: 'Schuldeisers aanschrijven voor een overzicht',
    otherCase: 'Gezin Demo-Peeters (fictief)',
    otherFollowUp: 'Dochter bellen over de thuiszorg',
  },
];

describe('signing in on a device that holds the demo', () => {
  it.each(TEAMS)('$who sees only their own team after erasing the demo', async (team) => {
    const profile = await openProfile();
    profiles.push(profile);
    const app = new App(await profile.context.newPage(), server.url);
    await app.open('/');
    await app.page.getByRole('link', { name: 'Gezin Demo-Peeters (fictief)' }).waitFor();

    await app.open('/aanmelden');
    await app.page.getByLabel('E-mailadres').fill(team.who);
    await app.page.getByLabel('Wachtwoord').fill(team.password);
    await app.page.getByRole('button', { name: 'Aanmelden' }).last().click();
    await app.page.getByRole('heading', { level: 1, name: 'Er staan al gegevens op dit toestel' }).waitFor();
    expect(await app.page.getByTestId('local-data-counts').textContent()).toContain('3 dossiers');
    await app.page.getByRole('button', { name: 'Wissen en beginnen met mijn gegevens' }).click();
    await app.page.getByRole('heading', { level: 1, name: 'Mijn dossiers' }).waitFor();
    app.signedInWith(team.password);
    await app.synced();

    await app.page.getByRole('link', { name: team.cases[0]! }).waitFor();
    expect((await app.caseloadLabels()).sort()).toEqual(team.cases);
    await app.page.getByLabel('Zoek een dossier').fill(team.otherCase.split(' ')[1]!);
    await app.page.getByText('Geen dossier gevonden met die naam.').waitFor();

    await app.open('/opvolging');
    await app.page.getByText(team.followUp).waitFor();
    expect(await app.page.getByText(team.otherFollowUp).count()).toBe(0);
  });
});

describe('a coordinator over two teams', () => {
  it('sees both teams’ cases, each with its team and worker, and narrows the list by team', async () => {
    const profile = await openProfile();
    profiles.push(profile);
    const app = new App(await profile.context.newPage(), server.url);
    await app.signIn('hilde@voorbeeldstad.example', 'demo-coordinator-1');
    await app.synced();
    await app.page.getByRole('link', { name: 'Gezin Proefmans (fictief)' }).waitFor();
    expect(await app.caseloadLabels()).toHaveLength(5);
    await app.page.getByRole('link', { name: /Gezin Proefmans \(fictief\).*Schuldhulp, / }).waitFor();
    await app.page.getByLabel('Team', { exact: true }).selectOption({ label: 'Schuldhulp' });
    await app.page.getByText('2 dossiers').waitFor({ state: 'attached' });
    expect((await app.caseloadLabels()).sort()).toEqual(['Gezin Proefmans (fictief)', 'Mevrouw Voorbeeld-Claes (fictief)']);
  });
});
