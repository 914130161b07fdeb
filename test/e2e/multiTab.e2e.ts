import { describe, it } from 'vitest';
import { App } from './pages/App';
import { useSession } from './support/session';

const session = useSession();

describe('two tabs', () => {
  it('see each other’s changes without a reload', async () => {
    const { app: a, profile, server } = session();
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

    // And the other way: B marks it done, A's open case shows it done without a reload.
    const inA = a.page.locator('li.followup', { hasText: 'Brief van de huisbaas bekijken' });
    await inA.getByRole('button', { name: 'Gedaan' }).waitFor();
    await b.page.locator('li.followup', { hasText: 'Brief van de huisbaas bekijken' }).getByRole('button', { name: 'Gedaan' }).click();
    await inA.getByRole('button', { name: 'Toch niet gedaan' }).waitFor();

    await b.open('/');
    await b.page.getByRole('link', { name: 'Gezin Tweeluik (fictief)' }).waitFor();
  });
});
