import { beforeAll, describe, expect, it } from 'vitest';
import { App } from './pages/App';
import { Instruments } from './pages/Instruments';
import { answerStay } from './support/dialogs';
import { installedAndOffline, useSession } from './support/session';

const session = useSession();
let app: App;
let instruments: Instruments;

beforeAll(async () => {
  ({ app } = session());
  instruments = new Instruments(app);
  await installedAndOffline(session());
});

describe('instruments, installed and offline', () => {
  it('starting questions for a network are saved as typed and are there again after a reload', async () => {
    const path = await instruments.start('Startvragen voor een netwerk', 'Netwerk wonen (test)');
    await app.page.getByLabel(/Wat voor netwerk worden we/).fill('Een probleemoplossend netwerk rond dakloosheid');
    await app.page.getByLabel(/Wat kunnen we samen bereiken/).pressSequentially('Eén aanspreekpunt per gezin', { delay: 5 });
    await instruments.saved();

    await app.page.reload();
    await app.page.getByRole('heading', { level: 1, name: 'Netwerk wonen (test)' }).waitFor();
    expect(await app.page.getByLabel(/Wat voor netwerk worden we/).inputValue()).toBe('Een probleemoplossend netwerk rond dakloosheid');
    expect(await app.page.getByLabel(/Wat kunnen we samen bereiken/).inputValue()).toBe('Eén aanspreekpunt per gezin');

    await app.open('/instrumenten');
    const entry = app.page.getByTestId('instrument-runs').getByRole('link', { name: /Netwerk wonen \(test\)/ });
    expect(await entry.textContent()).toContain('2 van 9 vragen beantwoord');
    expect(await entry.getAttribute('href')).toBe(path);
  });

  it('a finished run leaves the open list and can be reopened', async () => {
    await instruments.start('Samenwerkingsovereenkomst', 'Overeenkomst buurtwerk (test)');
    await app.page.getByRole('group', { name: /Het doel, de verwachte resultaten/ }).getByLabel('Deels').check();
    await instruments.saved();
    await app.page.getByRole('button', { name: 'Markeren als afgerond' }).click();
    await app.page.getByRole('button', { name: 'Opnieuw openen' }).waitFor();

    await app.open('/instrumenten');
    const runs = app.page.getByTestId('instrument-runs');
    await runs.getByText('Netwerk wonen (test)').waitFor();
    expect(await runs.getByText('Overeenkomst buurtwerk (test)').count()).toBe(0);
    await app.page.getByRole('group', { name: 'Toon' }).getByLabel('Afgerond').check();
    await runs.getByText('Overeenkomst buurtwerk (test)').waitFor();
  });

  it('the network evaluation asks on what each answer is based, and keeps the answer after a reload', async () => {
    await instruments.start('Netwerkevaluatie', 'Evaluatie netwerk wonen (test)');
    const bases = app.page.getByLabel('Waarop baseren we dit?');
    expect(await bases.count()).toBeGreaterThan(10);
    await app.page.getByRole('group', { name: /Het probleem waarvoor we samenwerken/ }).getByLabel('Deels').check();
    await bases.first().fill('Cijfers van de dakloosheidstelling 2025');
    await instruments.saved();
    await app.page.reload();
    await app.page.getByRole('heading', { level: 1, name: 'Evaluatie netwerk wonen (test)' }).waitFor();
    expect(await app.page.getByLabel('Waarop baseren we dit?').first().inputValue()).toBe('Cijfers van de dakloosheidstelling 2025');
    // The partnership checklist settles conflicts, outside communication and the GDPR roles of shared data.
    await instruments.start('Samenwerkingsovereenkomst', 'Overeenkomst gegevensdeling (test)');
    await app.page.getByRole('group', { name: /artikel 26 AVG/ }).waitFor();
    await app.page.getByRole('group', { name: /meningsverschillen en conflicten/ }).waitFor();
  });

  it('two partners of the directory are placed in the power–interest grid and stay there after a reload', async () => {
    await instruments.start('Macht-belangenmatrix', 'Matrix armoedeoverleg (test)');
    await instruments.placePartner('CAW Voorbeeldregio (fictief)', 'hoog', 'hoog');
    await instruments.placePartner('Huis van het Kind Voorbeeldstad', 'laag', 'hoog');

    await app.page.reload();
    await app.page.getByRole('heading', { level: 1, name: 'Matrix armoedeoverleg (test)' }).waitFor();
    await instruments.quadrant('manageClosely').getByText('CAW Voorbeeldregio (fictief)').waitFor();
    await instruments.quadrant('keepInformed').getByText('Huis van het Kind Voorbeeldstad').waitFor();
    expect(await instruments.quadrant('monitor').getByText('Nog niemand in dit vak.').count()).toBe(1);
  });

  it('an ecogram started from a case keeps its two people after a reload, in the drawing and in the list', async () => {
    await app.open('/dossiers/demo-case-1');
    await app.page.getByRole('heading', { level: 1 }).waitFor();
    await instruments.startEcogram('Ecogram eerste gesprek (test)');
    await instruments.addPerson('Buurvrouw Rita', 'Buren en kennissen', 'Sterk', 'Praktische hulp');
    await instruments.addPerson('Zus Ann', 'Familie', 'Met spanning');

    await app.page.reload();
    await app.page.getByRole('heading', { level: 1, name: 'Ecogram eerste gesprek (test)' }).waitFor();
    const drawing = app.page.getByTestId('ecogram-drawing');
    await drawing.getByText('Buurvrouw Rita').waitFor();
    expect(await drawing.getByText('Zus Ann').count()).toBe(1);
    expect(await drawing.getAttribute('aria-label')).toContain('2 personen');
    const list = app.page.getByTestId('ecogram-people');
    expect(await list.getByRole('heading').allTextContents()).toEqual(['Buurvrouw Rita', 'Zus Ann']);
    expect(await list.locator('li', { hasText: 'Zus Ann' }).textContent()).toContain('Met spanning');

    // A name typed but not yet added is unsaved: leaving asks first, and "no" keeps it.
    const name = app.page.locator('form.eco-person-form').getByLabel('Naam of rol');
    await name.fill('Oom Jef');
    const firstLeave = answerStay(app.page);
    await app.page.getByRole('link', { name: 'Terug naar het dossier' }).click();
    await expect.poll(() => firstLeave.asked.join()).toContain('nog niet bewaard');
    firstLeave.stop();
    expect(await name.inputValue()).toBe('Oom Jef');
    await app.page.locator('form.eco-person-form').getByRole('button', { name: 'Toevoegen' }).click();
    await list.getByRole('heading', { name: 'Oom Jef' }).waitFor();
    await instruments.saved();

    // Added: nothing is unsaved any more, so leaving asks nothing.
    const secondLeave = answerStay(app.page);
    await app.page.getByRole('link', { name: 'Terug naar het dossier' }).click();
    await app.page.getByTestId('case-instruments').getByRole('link', { name: /Ecogram eerste gesprek \(test\)/ }).waitFor();
    secondLeave.stop();
    expect(secondLeave.asked).toEqual([]);
  });

  it('a full disk keeps the typed answer on screen and says what to do', async () => {
    await instruments.start('Netwerkevaluatie', 'Evaluatie (test)');
    const field = app.page.getByLabel('Wat pakken we aan tot de volgende evaluatie?');
    await field.fill('Eerste aanzet');
    await instruments.saved();
    // From here on, every IndexedDB write fails the way a full disk does.
    await app.page.evaluate(() => {
      const fail = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
      IDBObjectStore.prototype.put = fail;
      IDBObjectStore.prototype.add = fail;
    });
    await field.fill('Eerste aanzet, en wat niet verloren mag gaan');
    await app.page.getByRole('alert').getByText(/geheugen van dit toestel is vol/).waitFor();
    await app.page.getByTestId('save-state').getByText('Niet bewaard').waitFor();
    expect(await field.inputValue()).toBe('Eerste aanzet, en wat niet verloren mag gaan');
    await app.page.reload(); // a fresh page has working storage again
  });
});
