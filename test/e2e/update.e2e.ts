import { describe, expect, it } from 'vitest';
import { App } from './pages/App';
import { axeViolations } from './support/axe';
import { startServer } from './support/server';
import { useSession } from './support/session';

const session = useSession({ staticDir: 'dist-e2e' });

/** "Deploys" the next build at the same origin and asks the page's service worker registration to look for it. */
async function deployNextVersion(app: App): Promise<void> {
  const port = session().server.port;
  await session().server.stop();
  session().server = await startServer({ staticDir: 'dist-e2e-next', port });
  await app.page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
}

describe('app update', () => {
  it('the prompt appears, never reloads over a note being written, and the draft is kept when accepted', async () => {
    const { app } = session();
    await app.open('/');
    await app.untilControlled();
    await app.openCase('Mevrouw Proef (fictief)');
    await app.startVisitNote();
    await app.facts().fill('Half geschreven zin over de trap');
    await app.draftSaved();
    await app.page.evaluate(() => Object.assign(window, { __sameDocument: true }));

    await deployNextVersion(app);
    const banner = app.page.getByTestId('update-banner');
    await banner.getByText(/nieuwe versie van Veldwerk/).waitFor({ timeout: 20_000 });
    // Give an eager reload every chance to happen; it must not.
    await app.page.waitForTimeout(1500);
    expect(await app.page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    expect(await app.facts().inputValue()).toBe('Half geschreven zin over de trap');
    expect(await banner.textContent()).toContain('eerst als concept bewaard');
    expect(await axeViolations(app.page)).toEqual([]);

    await app.facts().fill('Half geschreven zin over de trap, en nog een stukje');
    await banner.getByRole('button', { name: 'Concept bewaren en bijwerken' }).click();
    await app.page.waitForFunction(() => !(window as unknown as { __sameDocument?: boolean }).__sameDocument, undefined, { timeout: 20_000 });
    await app.page.getByRole('heading', { level: 1, name: 'Huisbezoeknotitie' }).waitFor();
    expect(await app.facts().inputValue()).toBe('Half geschreven zin over de trap, en nog een stukje');
    await app.open('/instellingen');
    await app.page.getByText('Versie 0.1.0+e2e-next').waitFor();
  });
});
