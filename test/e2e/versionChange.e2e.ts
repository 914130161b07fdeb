import { describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe';
import { useSession } from './support/session';

const session = useSession();

describe('an old tab when a newer database version opens elsewhere', () => {
  it('saves the draft, keeps the text on screen and asks to reload instead of breaking', async () => {
    const { app: old, profile, server } = session();
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
    expect(await axeViolations(old.page)).toEqual([]);
    expect(await old.facts().inputValue()).toBe('Gesprek in de keuken');
  });
});
