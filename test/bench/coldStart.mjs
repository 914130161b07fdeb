// Cold offline start: service worker stopped, network off, CPU 4× slower, until the caseload is drawn from IndexedDB.
import { chromium } from 'playwright-core';
import { BROWSER_ARGS, CHROMIUM, freshDir, median, removeDir } from './lib.mjs';

const CPU_SLOWDOWN = 4;
const CASELOAD_ITEM = '[data-testid=caseload] li';

/**
 * First visit, online: the service worker installs, the demo data is seeded. A reload puts the page under the
 * worker's control (registerType "prompt" does not claim clients on first install). Then one case is opened.
 */
async function prime(context, url) {
  const page = await controlledPage(context, url);
  await page.locator(CASELOAD_ITEM).first().waitFor({ timeout: 30_000 });
  // As on a worker's tablet, a case has been opened, so the caseload shows an "opened at" time (and a cold
  // start pays for its first date formatter).
  await page.locator(`${CASELOAD_ITEM} a`).first().click();
  await page.waitForURL(/\/dossiers\//);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.waitForTimeout(500); // the case screen records the visit just after it is drawn
  await page.goto(url);
  // What is next per case (the demo's cases have visits) fills in after the list: the app is fully there.
  await page.locator(`${CASELOAD_ITEM} [data-testid=case-next]`).getByText(/Laatste bezoek|Nog geen bezoek/).first().waitFor({ timeout: 30_000 });
  const items = await page.locator(CASELOAD_ITEM).count();
  await page.close();
  return items;
}

/** A new page at `url`, once the service worker has installed and controls it (a reload after the install). */
export async function controlledPage(context, url) {
  const page = await context.newPage();
  await page.goto(url);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
  return page;
}

/**
 * Watches the service worker versions through CDP on the keeper page (an about:blank page that stays open:
 * headless Chromium shuts down when its last page closes, and it is no client of the worker).
 */
export async function watchWorkers(context, keeper) {
  const cdp = await context.newCDPSession(keeper);
  const versions = new Map();
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions: vs }) => vs.forEach((v) => versions.set(v.versionId, v)));
  await cdp.send('ServiceWorker.enable');
  return { cdp, running: () => [...versions.values()].filter((v) => v.runningStatus !== 'stopped') };
}

/** Close every app page, then stop every service worker and wait until CDP reports them stopped. */
export async function makeCold(context, keeper, workers) {
  for (const p of context.pages()) if (p !== keeper) await p.close();
  await workers.cdp.send('ServiceWorker.stopAllWorkers');
  const deadline = Date.now() + 10_000;
  while (workers.running().length > 0) {
    if (Date.now() > deadline) throw new Error(`Service worker did not stop: ${JSON.stringify(workers.running())}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * Installed only in one extra, uncounted run: timestamps IndexedDB opens and transactions, to split the
 * start into "script running" → "database open" → "caseload read" → "list drawn" for the diagnosis.
 */
function idbProbe() {
  const probe = (window.__benchProbe = { opens: [], txs: [] });
  const open = IDBFactory.prototype.open;
  IDBFactory.prototype.open = function (...args) {
    const entry = { called: performance.now(), opened: null };
    probe.opens.push(entry);
    const req = open.apply(this, args);
    req.addEventListener('success', () => (entry.opened = performance.now()));
    return req;
  };
  const transaction = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (...args) {
    const tx = transaction.apply(this, args);
    const entry = { stores: [...tx.objectStoreNames].join('+'), started: performance.now(), done: null };
    probe.txs.push(entry);
    tx.addEventListener('complete', () => (entry.done = performance.now()));
    return tx;
  };
}

/**
 * Waits for a performance mark through a plain CDP evaluation with a PerformanceObserver. Playwright's own
 * waitForFunction would first inject its helper script into the page, and evaluating that (tens of ms at 4×
 * CPU) lands on the main thread in the middle of the start being measured.
 */
export async function waitForMark(cdp, name) {
  const expression = `new Promise((resolve) => {
    if (performance.getEntriesByName(${JSON.stringify(name)}).length) return resolve(true);
    new PerformanceObserver((list, observer) => {
      if (list.getEntriesByName(${JSON.stringify(name)}).length) { observer.disconnect(); resolve(true); }
    }).observe({ type: 'mark' });
  })`;
  const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error(`No ${name} mark within 30 s`)), 30_000));
  const { exceptionDetails } = await Promise.race([cdp.send('Runtime.evaluate', { expression, awaitPromise: true }), timeout]);
  if (exceptionDetails) throw new Error(`Waiting for ${name} failed: ${exceptionDetails.text}`);
}

async function oneRun(context, keeper, workers, url, probe = false) {
  await makeCold(context, keeper, workers);
  const page = await context.newPage();
  if (probe) await page.addInitScript(idbProbe);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  await page.goto(url);
  await waitForMark(cdp, 'caseload-rendered');
  const r = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    return {
      ms: performance.getEntriesByName('caseload-rendered')[0].startTime,
      workerStart: nav.workerStart,
      // Where the time went, for the diagnosis when the target is missed.
      htmlEnd: nav.responseEnd,
      domInteractive: nav.domInteractive,
      ...(() => {
        // The entry chunk from index.html (later import() chunks such as workbox-window are not on this path).
        const src = document.querySelector('script[type=module][src]')?.src;
        const entry = performance.getEntriesByName(src ?? '', 'resource')[0];
        if (!entry) throw new Error(`No resource timing for the entry script ${src}`);
        return { scriptRequested: entry.startTime, scriptFirstByte: entry.responseStart, scriptEnd: entry.responseEnd };
      })(),
      online: navigator.onLine,
      controlled: navigator.serviceWorker.controller !== null,
      items: document.querySelectorAll('[data-testid=caseload] li').length,
    };
  });
  if (probe) r.probe = await page.evaluate(() => window.__benchProbe);
  // The slowdown is set on about:blank; this proves it still held after navigating to the app's origin.
  r.loopMs = await page.evaluate(busyLoop);
  // Honesty checks: a number measured online, or not served by the worker, or with an empty list, is no number.
  if (r.online) throw new Error('Cold start ran while the page still saw itself online');
  if (!(r.workerStart > 0) || !r.controlled) throw new Error(`Navigation was not served by the service worker (${JSON.stringify(r)})`);
  if (r.items === 0) throw new Error('Caseload rendered empty: the demo data was not in IndexedDB');
  // What is next per case follows the list by a frame; after the measurement, make sure it did come.
  await page.locator(`${CASELOAD_ITEM} [data-testid=case-next]`).getByText(/Laatste bezoek|Nog geen bezoek/).first().waitFor({ timeout: 10_000 });
  await cdp.detach();
  await page.close();
  return r;
}

/** The probe run as phases, in ms since navigation start. */
function describeProbe(run) {
  const f = (t) => (typeof t === 'number' ? t.toFixed(0) : 'never');
  const open = run.probe.opens[0];
  const stores = (t) => (t.stores.split('+').length > 3 ? `[${t.stores.split('+').length} stores]` : t.stores);
  // Dexie resolves on the request's success; a transaction's complete event may come just after the mark.
  const started = run.probe.txs.filter((t) => t.started <= run.ms);
  return [
    `entry script in ${f(run.scriptEnd)}`,
    `first indexedDB.open ${f(open?.called)}, opened ${f(open?.opened)}`,
    `transactions started before the mark (start→complete): ${started.map((t) => `${stores(t)} ${f(t.started)}→${f(t.done)}`).join(', ')}`,
    `caseload mark ${f(run.ms)} ms`,
  ];
}

/** A fixed amount of CPU work, timed in the page: unthrottled (median of 5), then in every throttled run. */
export function busyLoop() {
  const t = performance.now();
  let x = 0;
  for (let i = 0; i < 1e7; i++) x += Math.sqrt(i);
  return x > 0 ? performance.now() - t : -1;
}

export async function measureColdStart(url, runs, log) {
  const profile = freshDir('profile-cold');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: BROWSER_ARGS,
  });
  try {
    const keeper = context.pages()[0] ?? (await context.newPage());
    const items = await prime(context, url);
    log(`cold start: primed (service worker controls the page, ${items} cases in the caseload)`);
    const calibration = await context.newPage();
    const fast = [];
    for (let i = 0; i < 5; i++) fast.push(await calibration.evaluate(busyLoop));
    const loopFast = median(fast);
    await calibration.close();
    // Offline once, while the worker still runs: Playwright's setOffline hangs on a stopped worker's session.
    // The context stays offline for all runs; the server is still up, so only the emulation keeps it away.
    await context.setOffline(true);
    const workers = await watchWorkers(context, keeper);
    const samples = [];
    for (let i = 0; i < runs; i++) {
      const r = await oneRun(context, keeper, workers, url);
      samples.push(r);
      log(`cold start run ${i + 1}/${runs}: ${r.ms.toFixed(0)} ms (html ${r.htmlEnd.toFixed(0)}, entry script requested ${r.scriptRequested.toFixed(0)}, first byte ${r.scriptFirstByte.toFixed(0)}, last byte ${r.scriptEnd.toFixed(0)}, domInteractive ${r.domInteractive.toFixed(0)} ms; busy loop ${r.loopMs.toFixed(0)} ms vs ${loopFast.toFixed(0)} ms unthrottled)`);
    }
    const phases = describeProbe(await oneRun(context, keeper, workers, url, true));
    log(`cold start, uncounted probe run: ${phases.join('; ')}`);
    const pick = (key) => samples.map((s) => s[key]);
    const slowdown = median(pick('loopMs')) / loopFast;
    // Generous bound (the throttler and a 2-core box are noisy), but a run without throttling is no result.
    if (slowdown < 1.5) throw new Error(`CPU throttling did not hold: busy loop only ${slowdown.toFixed(1)}x slower`);
    const keys = ['ms', 'htmlEnd', 'scriptRequested', 'scriptFirstByte', 'scriptEnd', 'domInteractive'];
    return { ...Object.fromEntries(keys.map((k) => [k, pick(k)])), slowdown, loopFast, phases };
  } finally {
    await context.close();
    removeDir(profile);
  }
}
