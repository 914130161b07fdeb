import { beforeAll, describe, expect, it } from 'vitest';
import { App } from './pages/App';
import { Instruments, sampleRuns } from './pages/Instruments';
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
  '/kaarten',
  '/kaarten/beroepsgeheim',
  '/kaarten/geintegreerd-breed-onthaal',
  '/kaarten/bestaat-niet',
  '/woordenlijst',
  '/woordenlijst/gbo',
  '/instrumenten',
  '/instrumenten/nieuw/netwerk-startvragen',
  '/instrumenten/nieuw/ecogram',
  '/instrumenten/bestaat-niet',
  '/dossiers/demo-case-1/ecogram/nieuw',
  '/instellingen',
  '/wachtrij',
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

/** Instrument runs have random ids: made through the screens (in Dutch, before either language pass). */
let instrumentRuns: Array<{ path: string; ready: string }> = [];
beforeAll(async () => {
  instrumentRuns = await sampleRuns(new Instruments(app));
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

  it('on the guides: search results, the browse list, and a card with its partners and examples', async () => {
    await app.open('/kaarten');
    await app.page.locator('input[type=search]').fill('netw');
    await app.page.getByTestId('card-results').locator('li').first().waitFor();
    expect(await axeViolations(app.page)).toEqual([]);
    await app.page.locator('input[type=search]').fill('');
    await app.page.locator('main h2').first().waitFor();
    expect(await axeViolations(app.page)).toEqual([]);
    await app.open('/kaarten/geintegreerd-breed-onthaal');
    await app.page.getByTestId('card-theme-links').waitFor();
    expect(await axeViolations(app.page)).toEqual([]);
  });

  it('on instrument runs: a checklist, a power–interest grid with partners, an ecogram with people', async () => {
    for (const { path, ready } of instrumentRuns) {
      await app.open(path);
      await app.page.locator(ready).waitFor();
      expect(await axeViolations(app.page)).toEqual([]);
    }
  });

  it('on a form showing validation errors', async () => {
    await app.open('/dossiers/nieuw');
    await app.page.locator('button[type=submit]').click();
    await app.page.locator('.error-text').first().waitFor();
    expect(await axeViolations(app.page)).toEqual([]);
  });
});

describe('axe finds no WCAG 2.2 AA violation on a phone, portrait (412×823, nl)', () => {
  beforeAll(async () => {
    await app.page.evaluate(() => localStorage.setItem('veldwerk.lang', 'nl'));
  });

  it('on every screen', async () => {
    await app.page.setViewportSize({ width: 412, height: 823 });
    try {
      for (const path of SCREENS) {
        await app.open(path);
        await app.page.locator('main h1').first().waitFor();
        expect(await axeViolations(app.page), path).toEqual([]);
      }
    } finally {
      await app.page.setViewportSize({ width: 1024, height: 768 });
    }
  });
});
