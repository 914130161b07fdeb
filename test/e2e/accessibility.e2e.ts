import { beforeAll, describe, expect, it } from 'vitest';
import { App } from './pages/App';
import { axeViolations } from './support/axe';
import { useSession } from './support/session';

/** Every screen of the app, on the fictitious demo data. */
const SCREENS = [
  '/',
  '/bezoek/nieuw',
  '/dossiers/nieuw',
  '/dossiers/demo-case-1',
  '/dossiers/demo-case-1/bewerken',
  '/dossiers/demo-case-1/bezoek',
  '/notities/demo-note-1',
  '/opvolging',
  '/partners',
  '/partners/nieuw',
  '/partners/demo-partner-1',
  '/partners/demo-partner-1/bewerken',
  '/voorbeelden',
  '/voorbeelden/nieuw',
  '/voorbeelden/demo-example-1',
  '/voorbeelden/demo-example-1/bewerken',
  '/instellingen',
  '/aanmelden',
  '/conflicten',
  '/bestaat-niet',
];

const session = useSession();
let app: App;

beforeAll(async () => {
  ({ app } = session());
  await app.open('/');
  await app.caseloadLabels();
});

describe.each(['nl', 'en'])('axe finds no WCAG 2.2 AA violation (%s)', (lang) => {
  beforeAll(async () => {
    await app.page.evaluate((l) => localStorage.setItem('veldwerk.lang', l), lang);
  });

  it.each(SCREENS)('on %s', async (path) => {
    await app.open(path);
    await app.page.locator('main h1').first().waitFor();
    expect(await app.page.getAttribute('html', 'lang')).toBe(lang === 'nl' ? 'nl-BE' : 'en');
    expect(await axeViolations(app.page)).toEqual([]);
  });

  it('on a form showing validation errors', async () => {
    await app.open('/dossiers/nieuw');
    await app.page.locator('button[type=submit]').click();
    await app.page.locator('.error-text').first().waitFor();
    expect(await axeViolations(app.page)).toEqual([]);
  });
});
