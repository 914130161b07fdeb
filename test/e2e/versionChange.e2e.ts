import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

describe('an old tab when a newer database version opens elsewhere', () => {
  it('saves the draft, keeps the text on screen and asks to reload instead of breaking', async () => {
    const old = new App(await profile.context.newPage(), server.url);
    await old.open('/');
    await old.openCase('Meneer Test-Janssens (fictief)');
    await old.startVisitNote();
    await old.facts().fill('Gesprek in de keuken');

    // Another tab opens the same database at a higher version, as an updated app would.
    const other = await profile.context.newPage();
    await other.goto(`${server.url}/robots.txt`);
    const draftInOtherTab = await other.evaluate(
      () =>
        new Promise<string>((resolve, reject) => {
          const request = indexedDB.open('veldwerk', 1000);
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            const get = request.result.transaction('drafts').objectStore('drafts').getAll();
            get.onsuccess = () => resolve(JSON.stringify(get.result));
          };
        }),
    );
    expect(draftInOtherTab).toContain('Gesprek in de keuken');
    await old.page.getByText(/in een ander venster bijgewerkt/).waitFor();
    expect(await old.facts().inputValue()).toBe('Gesprek in de keuken');
  });
});
