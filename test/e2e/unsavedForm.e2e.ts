import { describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe';
import { answerStay } from './support/dialogs';
import { useSession } from './support/session';
import { deployNextVersion, isSameDocument, markDocument, untilReloaded, upgradeInAnotherTab } from './support/versions';
import { E2E_DIST } from './support/distDirs';

const session = useSession({ staticDir: E2E_DIST });

describe('a form without a draft (a new partner)', () => {
  it('is never reloaded over by the update prompt, and leaving it asks first', async () => {
    const { app } = session();
    await app.open('/');
    await app.untilControlled();
    await app.open('/partners/nieuw');
    const name = app.page.getByLabel('Naam van de organisatie');
    await name.fill('Buurtwerk In Wording (fictief)');
    await markDocument(app.page);

    await deployNextVersion(session());
    const banner = app.page.getByTestId('update-banner');
    await banner.getByText(/Bewaar eerst het formulier/).waitFor({ timeout: 20_000 });
    // No button that would reload over the form, and no reload of its own.
    expect(await banner.getByRole('button', { name: /bijwerken/ }).count()).toBe(0);
    await app.page.waitForTimeout(1500);
    expect(await isSameDocument(app.page)).toBe(true);
    expect(await name.inputValue()).toBe('Buurtwerk In Wording (fictief)');
    expect(await axeViolations(app.page)).toEqual([]);

    // Leaving through the navigation asks; "no" keeps the form and its text.
    const leave = answerStay(app.page);
    await app.page.getByRole('navigation').getByRole('link', { name: 'Dossiers' }).click();
    await expect.poll(() => leave.asked.join()).toContain('nog niet bewaard');
    leave.stop();
    expect(new URL(app.page.url()).pathname).toBe('/partners/nieuw');
    expect(await name.inputValue()).toBe('Buurtwerk In Wording (fictief)');

    // Once saved, the update can go ahead.
    await app.page.getByRole('button', { name: 'Bewaren' }).click();
    await app.page.getByRole('heading', { level: 1, name: 'Buurtwerk In Wording (fictief)' }).waitFor();
    await banner.getByRole('button', { name: 'Nu bijwerken' }).click();
    await untilReloaded(app.page);
    await app.open('/instellingen');
    await app.page.getByText('Versie 0.1.0+e2e-next').waitFor();
  });

  it('keeps the database open for it when another tab upgrades, until it is saved', async () => {
    const { app } = session();
    await app.open('/dossiers/nieuw');
    await app.page.getByLabel('Naam van het dossier').fill('Gezin Wachtkamer (fictief)');

    const casesInOtherTab = upgradeInAnotherTab(session(), 'cases');
    await app.page.getByText(/in een ander venster bijgewerkt. Bewaar eerst het formulier/).waitFor();
    let opened = false;
    void casesInOtherTab.then(() => (opened = true));
    await app.page.waitForTimeout(500);
    expect(opened).toBe(false); // still blocked: the form can be saved

    // Saved: then this tab lets go at once, so the dossier is there for the other tab, and this one asks to reload.
    await app.page.getByRole('button', { name: 'Bewaren' }).click();
    expect(await casesInOtherTab).toContain('Gezin Wachtkamer (fictief)');
    await app.page.getByRole('button', { name: 'Opnieuw laden' }).waitFor();
  });
});
