import { afterAll, beforeAll, describe, it } from 'vitest';
import { App } from './pages/App';
import { openProfile, type Profile } from './support/browser';
import { startServer, type RunningServer } from './support/server';

let server: RunningServer;
let profile: Profile;

beforeAll(async () => {
  server = await startServer();
  profile = await openProfile();
});
afterAll(async () => {
  await profile.close();
  await server.stop();
});

describe('two tabs', () => {
  it('see each other’s changes without a reload', async () => {
    const a = new App(await profile.context.newPage(), server.url);
    const b = new App(await profile.context.newPage(), server.url);
    await a.open('/');
    await a.caseloadLabels();
    await b.open('/opvolging');
    await b.page.getByRole('heading', { name: 'Opvolging', level: 1 }).waitFor();

    await a.createCase('Gezin Tweeluik (fictief)');
    await a.page.getByRole('button', { name: 'Opvolging toevoegen' }).click();
    await a.page.getByLabel('Wat moet er gebeuren?').fill('Brief van de huisbaas bekijken');
    await a.page.getByRole('button', { name: 'Toevoegen', exact: true }).click();

    await b.page.getByText('Brief van de huisbaas bekijken').waitFor();
    await b.open('/');
    await b.page.getByRole('link', { name: 'Gezin Tweeluik (fictief)' }).waitFor();
  });
});
