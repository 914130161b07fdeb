import { describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe';
import { useSession } from './support/session';
import { deployNextVersion, isSameDocument, markDocument, untilReloaded } from './support/versions';
import { E2E_DIST } from './support/distDirs';

const session = useSession({ staticDir: E2E_DIST });

describe('app update', () => {
  it('the prompt appears, never reloads over a note being written, and the draft is kept when accepted', async () => {
    const { app } = session();
    await app.open('/');
    await app.untilControlled();
    await app.openCase('Mevrouw Proef (fictief)');
    await app.startVisitNote();
    await app.facts().fill('Half geschreven zin over de trap');
    await app.draftSaved();
    await markDocument(app.page);

    await deployNextVersion(session());
    const banner = app.page.getByTestId('update-banner');
    await banner.getByText(/nieuwe versie van Veldwerk/).waitFor({ timeout: 20_000 });
    // Give an eager reload every chance to happen; it must not.
    await app.page.waitForTimeout(1500);
    expect(await isSameDocument(app.page)).toBe(true);
    expect(await app.facts().inputValue()).toBe('Half geschreven zin over de trap');
    expect(await banner.textContent()).toContain('eerst als concept bewaard');
    expect(await axeViolations(app.page)).toEqual([]);

    await app.facts().fill('Half geschreven zin over de trap, en nog een stukje');
    await banner.getByRole('button', { name: 'Concept bewaren en bijwerken' }).click();
    await untilReloaded(app.page);
    await app.page.getByRole('heading', { level: 1, name: 'Huisbezoeknotitie' }).waitFor();
    expect(await app.facts().inputValue()).toBe('Half geschreven zin over de trap, en nog een stukje');
    await app.open('/instellingen');
    await app.page.getByText('Versie 0.1.0+e2e-next').waitFor();
  });
});
