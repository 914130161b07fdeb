import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { App } from './pages/App';
import { openProfile, type Profile } from './support/browser';
import { startServer, type RunningServer } from './support/server';

let server: RunningServer;
const profiles: Profile[] = [];

beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  for (const p of profiles) await p.close();
  await server.stop();
});

/** A tablet: its own browser profile, signed in online once. */
async function tablet(email: string, password: string): Promise<{ app: App; profile: Profile }> {
  const profile = await openProfile();
  profiles.push(profile);
  const app = new App(await profile.context.newPage(), server.url);
  await app.signIn(email, password);
  await app.synced();
  // Offline work needs the service worker in control of the page.
  await app.untilControlled();
  return { app, profile };
}

async function editPartner(app: App, fields: Record<string, string>): Promise<void> {
  await app.open('/partners/demo-partner-3/bewerken');
  for (const [label, value] of Object.entries(fields)) await app.page.getByLabel(label, { exact: true }).fill(value);
  await app.page.getByRole('button', { name: 'Bewaren' }).click();
  await app.page.getByRole('heading', { level: 1, name: 'Huis van het Kind Voorbeeldstad' }).waitFor();
}

async function syncNow(app: App): Promise<void> {
  await app.page.getByRole('button', { name: 'Nu synchroniseren' }).click();
  await app.page.getByTestId('device-status').getByText('Geen wijzigingen die wachten').waitFor({ timeout: 20_000 });
  await app.page.getByTestId('sync-controls').getByText('Gesynchroniseerd').waitFor({ timeout: 20_000 });
}

describe('two tablets edit the same partner offline', () => {
  it('merge different fields, show the one conflict on both, resolve it in one action and end equal', async () => {
    const lotte = await tablet('lotte@voorbeeldstad.example', 'demo-onthaal-1');
    const hilde = await tablet('hilde@voorbeeldstad.example', 'demo-coordinator-1');

    await lotte.profile.context.setOffline(true);
    await hilde.profile.context.setOffline(true);
    await editPartner(lotte.app, { Telefoon: '+32 9 000 30 11', Website: 'https://huisvanhetkind.example' });
    await editPartner(hilde.app, { Telefoon: '+32 9 000 30 22', Openingsuren: 'di en do 13–18 u' });
    await lotte.profile.context.setOffline(false);
    await hilde.profile.context.setOffline(false);

    await syncNow(lotte.app);
    await syncNow(hilde.app);
    await syncNow(lotte.app);

    for (const { app } of [lotte, hilde]) {
      await app.page.getByRole('link', { name: '1 conflict om op te lossen' }).click();
      await app.page.getByRole('heading', { level: 1, name: 'Conflicten' }).waitFor();
      await app.page.getByText('+32 9 000 30 11').first().waitFor();
      await app.page.getByText('+32 9 000 30 22').first().waitFor();
    }
    // Each sees who set the other value, by name, and that the own one is theirs.
    await hilde.app.page.getByText(/^door Lotte Demo \(fictief\), /).first().waitFor();
    await hilde.app.page.getByText(/^door jou, /).first().waitFor();
    await lotte.app.page.getByText(/^door Hilde Demo \(fictief\), /).first().waitFor();
    // Lotte's number reached the server first, so it is the one kept; Hilde chooses her own after all.
    await hilde.app.page.getByRole('button', { name: '‘+32 9 000 30 22’ houden' }).click();
    await hilde.app.page.getByText('Geen conflicten').waitFor();
    await syncNow(hilde.app);
    await syncNow(lotte.app);

    const details = async (app: App) => {
      await app.open('/partners/demo-partner-3');
      await app.page.getByRole('heading', { level: 1 }).waitFor();
      return app.page.locator('main dl.kv').textContent();
    };
    const onLotte = await details(lotte.app);
    const onHilde = await details(hilde.app);
    expect(onLotte).toBe(onHilde);
    expect(onLotte).toContain('di en do 13–18 u');
    expect(await lotte.app.page.getByRole('link', { name: /Bellen: \+32 9 000 30 22/ }).count()).toBe(1);
    expect(await lotte.app.page.getByRole('link', { name: /conflict/ }).count()).toBe(0);
  });
});

describe('a tablet whose browser cleared its storage', () => {
  it('says so instead of pretending to be new, and gets everything back after signing in again', async () => {
    const { app } = await tablet('lotte@voorbeeldstad.example', 'demo-onthaal-1');
    // The browser drops IndexedDB but keeps the small device note (as storage pressure can do).
    await app.page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.deleteDatabase('veldwerk');
          request.onsuccess = () => resolve();
          request.onerror = () => reject(request.error);
        }),
    );
    await app.page.reload();
    await app.page.getByText(/De browser heeft de Veldwerk-gegevens op dit toestel gewist/).waitFor();
    await app.signIn('lotte@voorbeeldstad.example', 'demo-onthaal-1');
    await app.synced();
    await app.page.getByRole('link', { name: 'Gezin Demo-Peeters (fictief)' }).waitFor();
    await app.page.reload();
    await app.unlockIfAsked();
    await app.page.getByRole('link', { name: 'Gezin Demo-Peeters (fictief)' }).waitFor();
    expect(await app.page.getByText(/gegevens op dit toestel gewist/).count()).toBe(0);
  });
});

describe('a tablet shared by colleagues', () => {
  it('refuses to sign out over an unfinished note, then signs out and leaves nothing of the team on the device', async () => {
    const { app } = await tablet('lotte@voorbeeldstad.example', 'demo-onthaal-1');
    await app.createCase('Gezin Gedeeld (fictief)');
    await syncNow(app);
    await app.startVisitNote();
    await app.facts().fill('Nog niet afgewerkt (fictief).');
    await app.draftSaved();

    await app.open('/instellingen');
    await app.page.getByRole('button', { name: 'Afmelden' }).click();
    await app.page.getByText(/onafgewerkt verslag/).waitFor();
    await app.openCase('Gezin Gedeeld (fictief)');
    await app.startVisitNote();
    await app.page.getByRole('button', { name: 'Concept weggooien' }).click();
    await app.page.getByRole('button', { name: 'Ja, weggooien' }).click();
    await app.page.getByRole('heading', { level: 1, name: 'Gezin Gedeeld (fictief)' }).waitFor();

    await app.open('/instellingen');
    await app.page.getByRole('button', { name: 'Afmelden' }).click();
    await app.page.getByRole('heading', { level: 1, name: 'Aanmelden' }).waitFor();
    await app.page.getByText(/gegevens van je teams zijn van dit toestel gewist/).waitFor();
    await app.open('/');
    expect(await app.caseloadLabels()).not.toContain('Gezin Gedeeld (fictief)');
    expect(await app.page.evaluate(() => localStorage.getItem('veldwerk.device'))).toBeNull();
  });
});
