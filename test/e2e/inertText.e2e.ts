import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { App } from './pages/App';
import type { Profile } from './support/browser';
import { startServer, type RunningServer } from './support/server';
import { signedInTablet } from './support/tablet';

/**
 * Script injection typed into every free-text field of the forms a worker uses renders as inert text on every
 * screen that shows it, the note's print view included, and after a round trip through the server to a
 * colleague's tablet. A real organisation: DEMO=0, accounts by the admin command, two teams.
 */
let server: RunningServer;
const profiles: Profile[] = [];
const people: Record<'an' | 'bart', { email: string; password: string }> = {} as never;

const idIn = (lines: string[]) => /created: (\S+)/.exec(lines[0] ?? '')?.[1] ?? '';
const passwordIn = (lines: string[]) => /\(shown once[^)]*\): (\S+)/.exec(lines.join('\n'))?.[1] ?? '';

/** Each field gets its own numbered payload, so a test failure names the field that was not inert. */
const payload = (n: number) => `<img src=x onerror="window.__xss=${n}"><script>window.__xss=${n}</script>"'><svg onload="window.__xss=${n}"> veld-${n}`;

beforeAll(async () => {
  server = await startServer({ demo: false, loginsPerMinute: 30 });
  const org = idIn(await server.admin('init', '--org', 'Gemeente Inertdorp (fictief)', '--admin-email', 'beheer@inertdorp.example', '--admin-name', 'Beheer (fictief)'));
  const onthaal = idIn(await server.admin('create-team', '--org', org, '--name', 'Onthaal'));
  await server.admin('create-team', '--org', org, '--name', 'Schuldhulp');
  for (const [key, name] of [['an', 'An Inert (fictief)'], ['bart', 'Bart Inert (fictief)']] as const) {
    const email = `${key}@inertdorp.example`;
    people[key] = { email, password: passwordIn(await server.admin('create-user', '--org', org, '--email', email, '--name', name, '--role', 'worker', '--team', onthaal)) };
  }
});
afterAll(async () => {
  for (const profile of profiles) await profile.close();
  await server.stop();
});

const tablet = (who: keyof typeof people): Promise<App> => signedInTablet(server.url, people[who], profiles);

/**
 * Fills every free-text field of the form on screen: not dates, phone numbers, e-mail or web addresses, nor the
 * numeric ones (a postal code), whose form the form checks before saving.
 */
async function fillEveryTextField(page: Page, from: number): Promise<number> {
  const fields = page.locator('main form').locator('textarea, input[type=text]:not([inputmode=numeric]), input:not([type])');
  // A form shows its fields once what it needs is loaded (a new case: the person's teams).
  await fields.first().waitFor();
  const count = await fields.count();
  for (let i = 0; i < count; i++) await fields.nth(i).fill(payload(from + i));
  return from + count;
}

/** Nothing ran, and the text is on screen as typed. */
async function inert(page: Page, where: string, shown: number[]): Promise<void> {
  expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss), where).toBeUndefined();
  expect(await page.locator('main img[src=x], main script:not([src]), main svg[onload]').count(), where).toBe(0);
  const text = await page.locator('main').innerText();
  for (const n of shown) expect(text, `${where}: field ${n}`).toContain(`<img src=x onerror="window.__xss=${n}">`);
}

describe('script injection in every text field', () => {
  it('is shown as typed, and never runs, on every screen and in print, on both tablets', async () => {
    const an = await tablet('an');
    let next = 1;

    await an.open('/dossiers/nieuw');
    const caseFields = next;
    next = await fillEveryTextField(an.page, next);
    await an.page.getByRole('button', { name: 'Bewaren' }).click();
    await an.page.getByRole('heading', { level: 1, name: /veld-1/ }).waitFor();
    await inert(an.page, 'case screen', [caseFields]);

    await an.page.getByRole('button', { name: 'Opvolging toevoegen' }).click();
    const followUpFields = next;
    await an.page.getByLabel('Wat moet er gebeuren?').fill(payload(next++));
    await an.page.getByLabel('Wie doet het?').fill(payload(next++));
    await an.page.getByRole('button', { name: 'Toevoegen', exact: true }).click();
    await an.page.getByText(`veld-${followUpFields}`).first().waitFor();
    await inert(an.page, 'case screen with its follow-up', [caseFields, followUpFields]);

    await an.startVisitNote();
    const noteFields = next;
    next = await fillEveryTextField(an.page, next);
    await an.page.getByRole('button', { name: 'Notitie bewaren' }).click();
    await an.page.getByRole('heading', { level: 1, name: /veld-1/ }).waitFor();
    await an.page.getByRole('link', { name: /Huisbezoek van/ }).click();
    await an.page.getByText(`veld-${noteFields}`).first().waitFor();
    const noteUrl = an.page.url();
    await inert(an.page, 'note', [noteFields]);
    await an.page.emulateMedia({ media: 'print' });
    await inert(an.page, 'note, print view', [noteFields]);
    await an.page.emulateMedia({ media: 'screen' });

    await an.open('/partners/nieuw');
    const partnerFields = next;
    next = await fillEveryTextField(an.page, next);
    await an.page.getByRole('button', { name: 'Bewaren' }).click();
    await an.page.getByRole('heading', { level: 1, name: new RegExp(`veld-${partnerFields}`) }).waitFor();
    await inert(an.page, 'partner', [partnerFields]);

    await an.open('/voorbeelden/nieuw');
    const exampleFields = next;
    next = await fillEveryTextField(an.page, next);
    await an.page.getByRole('button', { name: 'Bewaren' }).click();
    await an.page.getByRole('heading', { level: 1, name: new RegExp(`veld-${exampleFields}`) }).waitFor();
    await inert(an.page, 'practice example', [exampleFields]);

    for (const [path, shown] of [
      ['/', [caseFields]],
      ['/opvolging', [followUpFields]],
      ['/partners', [partnerFields]],
      ['/voorbeelden', [exampleFields]],
    ] as const) {
      await an.open(path);
      await an.page.getByText(`veld-${shown[0]}`).first().waitFor();
      await inert(an.page, path, [...shown]);
    }
    await an.open('/');
    await an.page.getByLabel('Zoek een dossier').fill('veld-1');
    await an.page.getByText('veld-1').first().waitFor();
    await inert(an.page, 'caseload search', [caseFields]);
    await an.syncNow();

    // Through the server to a colleague: still text.
    const bart = await tablet('bart');
    await bart.page.getByText('veld-1').first().waitFor();
    await inert(bart.page, 'colleague’s caseload', [caseFields]);
    await bart.open(new URL(noteUrl).pathname);
    await bart.page.getByText(`veld-${noteFields}`).first().waitFor();
    await inert(bart.page, 'colleague’s note', [noteFields]);
    expect(next).toBeGreaterThan(15);
  });
});
