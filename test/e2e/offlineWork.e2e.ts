import { beforeAll, describe, expect, it } from 'vitest';
import { App } from './pages/App';
import { axeViolations } from './support/axe';
import { installedAndOffline, useSession } from './support/session';

const session = useSession();
let app: App;

beforeAll(async () => {
  ({ app } = session());
  await installedAndOffline(session());
});

describe('working offline on a home visit', () => {
  it('a case and a visit note created offline survive a reload', async () => {
    await app.createCase('Familie Offline (fictief)');
    await app.startVisitNote();
    await app.page.getByLabel('Aanleiding en doel van het bezoek').fill('Eerste kennismaking');
    await app.facts().fill('Stapel ongeopende brieven op tafel');
    await app.page.getByRole('button', { name: 'Afspraak toevoegen' }).click();
    await app.page.getByLabel('Wat?').fill('Huurcontract opzoeken');
    await app.page.getByLabel('Tegen wanneer?').fill('2030-01-15');
    await app.page.getByRole('button', { name: 'Notitie bewaren' }).click();
    await app.page.getByRole('heading', { level: 1, name: 'Familie Offline (fictief)' }).waitFor();

    await app.page.reload();
    await app.page.getByRole('heading', { level: 1, name: 'Familie Offline (fictief)' }).waitFor();
    expect(await app.page.getByText('Huurcontract opzoeken').count()).toBe(1);
    await app.page.getByRole('link', { name: /Huisbezoek van/ }).click();
    await app.page.getByText('Stapel ongeopende brieven op tafel').waitFor();
    await app.page.getByTestId('device-status').getByText('3 wijzigingen staan klaar').waitFor();
  });

  it('a draft survives a reload in the middle of typing', async () => {
    await app.createCase('Mevrouw Concept (fictief)');
    await app.startVisitNote();
    await app.facts().pressSequentially('Zit alleen aan tafel, radio staat aan', { delay: 5 });
    // No blur, no flush, no waiting for "saved": the page goes away a moment after the last key. The draft is
    // written as you type (one write in flight, the latest next), so all of it is on disk within a write's
    // time; a reload in the very millisecond after a key can still lose that key (browsers abort IndexedDB
    // work of a page that unloads), which is why the moment is not zero.
    await app.page.waitForTimeout(250);
    await app.page.reload();
    await app.page.getByRole('heading', { level: 1, name: 'Huisbezoeknotitie' }).waitFor();
    expect(await app.facts().inputValue()).toBe('Zit alleen aan tafel, radio staat aan');
    await app.openCase('Mevrouw Concept (fictief)');
    await app.page.getByText(/notitie in concept/).waitFor();
  });

  it('a simulated full disk keeps the typed text on screen and says what to do', async () => {
    await app.createCase('Meneer Vol (fictief)');
    await app.startVisitNote();
    await app.facts().fill('Tekst die niet verloren mag gaan');
    await app.draftSaved();
    // From here on, every IndexedDB write fails the way a full disk does.
    await app.page.evaluate(() => {
      const fail = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
      IDBObjectStore.prototype.put = fail;
      IDBObjectStore.prototype.add = fail;
    });
    await app.facts().fill('Tekst die niet verloren mag gaan, ook niet als het toestel vol is');
    await app.page.getByRole('button', { name: 'Notitie bewaren' }).click();
    await app.page.getByRole('alert').getByText(/geheugen van dit toestel is vol/).first().waitFor();
    expect(await app.facts().inputValue()).toBe('Tekst die niet verloren mag gaan, ook niet als het toestel vol is');
    expect(await app.page.getByRole('heading', { level: 1 }).textContent()).toBe('Huisbezoeknotitie');
    // The draft could not be written either, so the screen does not claim it was.
    expect(await app.page.getByText(/blijft als concept bewaard/).count()).toBe(0);
    expect(await axeViolations(app.page)).toEqual([]);
  });
});
