import type { Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { App } from './pages/App';
import { axeViolations } from './support/axe';
import { openProfile, type Profile } from './support/browser';
import { startServer, type RunningServer } from './support/server';
import { makeOrganisation } from './support/organisation';

/**
 * A signed-in device's cold start paints index.html's copy of the unlock screen before any of the app's code has
 * run (shell/staticUnlock.ts, issue 13's 250 ms): here the app's entry script is held back, so the copy is all
 * there is. What is typed and pressed on it is kept when the app's own screen takes its place, which moves
 * nothing. On a real organisation's server (DEMO=0, accounts from the admin command, two teams), in Dutch and
 * English, at tablet and phone size.
 */
let server: RunningServer;
const profiles: Profile[] = [];
const people: Record<'an' | 'bart', { email: string; password: string }> = {} as never;

beforeAll(async () => {
  server = await startServer({ demo: false, loginsPerMinute: 30 });
  const organisation = await makeOrganisation(server, 'Gemeente Koudstart', 'koudstart.example', ['Onthaal', 'Schuldhulp']);
  people.an = await organisation.person('an', 'An Koudstart (fictief)', 'worker', ['Onthaal']);
  people.bart = await organisation.person('bart', 'Bart Koudstart (fictief)', 'worker', ['Schuldhulp']);
});
afterAll(async () => {
  for (const profile of profiles) await profile.close();
  await server.stop();
});

/**
 * A signed-in tablet whose page loads come straight from the server (no service worker), so the test can hold the
 * app's entry script back: `hold()` makes the next loads wait for `release()`.
 */
async function tabletWithHeldCode(person: { email: string; password: string }, viewport = { width: 1180, height: 820 }) {
  const profile = await openProfile({ serviceWorkers: 'block' });
  profiles.push(profile);
  const app = new App(await profile.context.newPage(), server.url);
  await app.page.setViewportSize(viewport);
  await app.signIn(person.email, person.password);
  await app.synced();
  let release = () => {};
  let held = Promise.resolve();
  const entry = (url: URL) => /^\/assets\/index-[^/]+\.js$/.test(url.pathname);
  await profile.context.route(entry, async (route: Route) => {
    await held;
    await route.continue();
  });
  return {
    app,
    hold() {
      held = new Promise<void>((done) => (release = done));
    },
    release: () => release(),
  };
}

/** Where the unlock screen's parts are: its copy's or the app's, whichever shows. */
async function layoutOf(page: Page) {
  const box = async (selector: string) => (await page.locator(selector).first().boundingBox())!;
  return {
    heading: await box('.lock-screen h1'),
    field: await box('.lock-screen input[type=password]'),
    submit: await box('.lock-screen button[type=submit]'),
    forgotten: await box('.lock-screen button[type=button]'),
  };
}

const copyShows = (page: Page) => page.locator('#lock-static').isVisible();

describe('a locked cold start', () => {
  it('paints the unlock screen before the app’s code runs; a password typed and sent there opens the device once the code is there', async () => {
    const tablet = await tabletWithHeldCode(people.an);
    await tablet.app.createCase('Gezin Voor-De-Code (fictief)');
    tablet.hold();
    await tablet.app.page.reload({ waitUntil: 'commit' });
    const copy = tablet.app.page.locator('#lock-static');
    await copy.getByRole('heading', { level: 1, name: 'Veldwerk is vergrendeld', exact: true }).waitFor();
    expect(await tablet.app.page.locator('body').innerText()).not.toContain('Voor-De-Code');
    expect(await tablet.app.page.evaluate(() => document.activeElement?.id)).toBe('lock-static-password');
    expect(await axeViolations(tablet.app.page), 'index.html’s copy of the unlock screen').toEqual([]);
    await copy.getByLabel('Wachtwoord').fill(people.an.password);
    await copy.getByRole('button', { name: 'Ontgrendelen' }).click();
    // Still only the copy: nothing can open the key without the app's code.
    expect(await copyShows(tablet.app.page)).toBe(true);
    tablet.release();
    // The reload was of the case's own page, which opens once the key is there.
    await tablet.app.page.getByRole('heading', { level: 1, name: 'Gezin Voor-De-Code (fictief)' }).waitFor();
    expect(await tablet.app.page.locator('#lock-static').count()).toBe(0);
  });

  it('the app’s own screen takes the copy’s place without moving anything, with the typed text and the focus kept; a wrong password is said at the field', async () => {
    const tablet = await tabletWithHeldCode(people.an);
    tablet.hold();
    await tablet.app.page.reload({ waitUntil: 'commit' });
    await tablet.app.page.locator('#lock-static h1').waitFor({ state: 'visible' });
    await tablet.app.page.locator('#lock-static [data-lang=en]').first().waitFor({ state: 'hidden' });
    await tablet.app.page.keyboard.type('niet-het-wachtwoord');
    const before = await layoutOf(tablet.app.page);
    tablet.release();
    await tablet.app.page.locator('#lock-static').waitFor({ state: 'detached' });
    expect(await layoutOf(tablet.app.page)).toEqual(before);
    const field = tablet.app.page.locator('.lock-screen input[type=password]');
    expect(await field.inputValue()).toBe('niet-het-wachtwoord');
    expect(await field.evaluate((input) => input === document.activeElement)).toBe(true);
    await tablet.app.page.locator('.lock-screen button[type=submit]').click();
    await tablet.app.page.getByRole('alert').getByText('Het wachtwoord klopt niet. Probeer het opnieuw.').waitFor();
    await tablet.app.unlock(people.an.password);
  });

  it('in English on a phone: the copy speaks English, and “Forgot your password?” pressed on it leads to the online sign-in', async () => {
    const tablet = await tabletWithHeldCode(people.bart, { width: 390, height: 844 });
    await tablet.app.open('/instellingen');
    await tablet.app.page.getByLabel('Taal').selectOption('en');
    await tablet.app.page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    tablet.hold();
    await tablet.app.page.reload({ waitUntil: 'commit' });
    const copy = tablet.app.page.locator('#lock-static');
    await // Exactly: the other language's words are hidden by the stylesheet (painting waits for it).
    await copy.getByRole('heading', { level: 1, name: 'Veldwerk is locked', exact: true }).waitFor();
    expect(await copy.innerText()).not.toContain('Wachtwoord');
    expect(await axeViolations(tablet.app.page), 'the copy in English, on a phone').toEqual([]);
    const before = await layoutOf(tablet.app.page);
    await copy.getByRole('button', { name: 'Forgot your password?' }).click();
    tablet.release();
    await tablet.app.page.locator('.lock-screen').getByText('Ask your administrator for a new password.', { exact: false }).waitFor();
    await tablet.app.page.locator('.lock-screen').getByRole('button', { name: 'Back' }).click();
    expect(await layoutOf(tablet.app.page)).toEqual(before);
    await tablet.app.unlock(people.bart.password);
  });

  it('a device that is not signed in (a stale hint) opens as usual and forgets the hint', async () => {
    const profile = await openProfile({ serviceWorkers: 'block' });
    profiles.push(profile);
    const page = await profile.context.newPage();
    await page.goto(`${server.url}/aanmelden`);
    await page.evaluate(() => localStorage.setItem('veldwerk.opensLocked', '1'));
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Aanmelden' }).waitFor();
    expect(await page.locator('#lock-static').count()).toBe(0);
    expect(await page.locator('.lock-screen').count()).toBe(0);
    expect(await page.evaluate(() => localStorage.getItem('veldwerk.opensLocked'))).toBeNull();
  });
});
