// Issue 13: a signed-in device's cold start. Offline, service worker stopped, CPU 4x: navigation to the unlock
// screen painted (index.html's copy of it, then the app's own in its place); then the password typed: the key derivation (PBKDF2, 600,000 rounds), and from the key to the
// caseload drawn from sealed rows.
import { chromium } from 'playwright-core';
import { busyLoop, controlledPage, makeCold, waitForMark, watchWorkers } from './coldStart.mjs';
import { BROWSER_ARGS, CHROMIUM, freshDir, median, removeDir } from './lib.mjs';

const CPU_SLOWDOWN = 4;
/** A demo login of the bench's server (npm start's demo: fictitious, public passwords). */
const WORKER = { email: 'lotte@voorbeeldstad.example', password: 'demo-onthaal-1' };

/** First visit online: the worker installs, the person signs in (the demo is erased), the team's cases sync. */
async function prime(context, url) {
  const page = await controlledPage(context, url);
  await page.goto(`${url}aanmelden`);
  await page.getByLabel('E-mailadres').fill(WORKER.email);
  await page.getByLabel('Wachtwoord').fill(WORKER.password);
  await page.getByRole('button', { name: 'Aanmelden' }).last().click();
  const question = page.getByRole('button', { name: 'Wissen en beginnen met mijn gegevens' });
  const caseload = page.getByRole('heading', { level: 1, name: 'Mijn dossiers' });
  await caseload.or(question).first().waitFor({ timeout: 30_000 });
  if (await question.isVisible()) await question.click();
  await page.getByTestId('sync-controls').getByText('Gesynchroniseerd').waitFor({ timeout: 30_000 });
  await page.locator('[data-testid=caseload] li').first().waitFor({ timeout: 30_000 });
  const items = await page.locator('[data-testid=caseload] li').count();
  // Everything on the device is sealed by now (sign-in seals what was there before it had a key).
  await page.waitForTimeout(1000);
  await page.close();
  return items;
}

/** When the element named `identifier` (its elementtiming attribute) was first painted, in ms since navigation. */
function paintedAt(page, identifier) {
  const painted = page.evaluate(
    (identifier) =>
      new Promise((resolve) => {
        new PerformanceObserver((list, observer) => {
          const entry = list.getEntries().find((e) => e.identifier === identifier);
          if (!entry) return;
          observer.disconnect();
          resolve(entry.renderTime || entry.loadTime);
        }).observe({ type: 'element', buffered: true });
      }),
    identifier,
  );
  const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error(`${identifier} not painted within 30 s`)), 30_000));
  return Promise.race([painted, timeout]);
}

async function oneRun(context, keeper, workers, url) {
  await makeCold(context, keeper, workers);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  await page.goto(url);
  // Painted, not merely rendered: the moment the browser painted the heading (Element Timing), first of
  // index.html's copy of the unlock screen, then of the app's own screen in its place.
  const screenMs = await paintedAt(page, 'unlock-screen');
  // Honesty: nothing of a client may be on screen before the password.
  const before = await page.evaluate(() => document.querySelectorAll('[data-testid=caseload] li').length);
  if (before > 0) throw new Error('The caseload was drawn before the unlock');
  const appScreenMs = await paintedAt(page, 'unlock-screen-app');
  await page.locator('.lock-screen input[type=password]').fill(WORKER.password);
  await page.locator('.lock-screen button[type=submit]').click();
  await waitForMark(cdp, 'caseload-rendered');
  const r = await page.evaluate(() => {
    const at = (name) => performance.getEntriesByName(name)[0].startTime;
    return {
      derive: at('unlock-key-ready') - at('unlock-submitted'),
      toCaseload: at('caseload-rendered') - at('unlock-key-ready'),
      items: document.querySelectorAll('[data-testid=caseload] li').length,
      online: navigator.onLine,
      controlled: navigator.serviceWorker.controller !== null,
    };
  });
  r.screenMs = screenMs;
  r.appScreenMs = appScreenMs;
  // Where the time goes: the page from the service worker, and the first paint (index.html's bare header).
  Object.assign(
    r,
    await page.evaluate(() => ({
      htmlEnd: performance.getEntriesByType('navigation')[0].responseEnd,
      firstPaint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
    })),
  );
  r.loopMs = await page.evaluate(busyLoop);
  if (r.online || !r.controlled) throw new Error(`Locked cold start not offline from the worker (${JSON.stringify(r)})`);
  if (r.items === 0) throw new Error('Caseload empty after the unlock');
  await cdp.detach();
  await page.close();
  return r;
}

export async function measureUnlock(url, runs, log) {
  const profile = freshDir('profile-unlock');
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: BROWSER_ARGS });
  try {
    const keeper = context.pages()[0] ?? (await context.newPage());
    const items = await prime(context, url);
    log(`unlock: primed (signed in as a demo worker, ${items} cases synced and sealed)`);
    await context.setOffline(true);
    const workers = await watchWorkers(context, keeper);
    const samples = [];
    for (let i = 0; i < runs; i++) {
      const r = await oneRun(context, keeper, workers, url);
      samples.push(r);
      log(`locked cold start ${i + 1}/${runs}: html from the worker ${r.htmlEnd.toFixed(0)} ms, first paint ${r.firstPaint.toFixed(0)} ms, unlock screen ${r.screenMs.toFixed(0)} ms (the app's own in its place ${r.appScreenMs.toFixed(0)} ms); key derivation ${r.derive.toFixed(0)} ms; key to caseload (${r.items} cases) ${r.toCaseload.toFixed(0)} ms; busy loop ${r.loopMs.toFixed(0)} ms`);
    }
    const pick = (key) => samples.map((s) => s[key]);
    return { screen: pick('screenMs'), appScreen: pick('appScreenMs'), derive: pick('derive'), toCaseload: pick('toCaseload'), loop: median(pick('loopMs')) };
  } finally {
    await context.close();
    removeDir(profile);
  }
}
