// The reference cards (handreikingen): search speed in Chromium at 4x CPU slowdown, the cards' share of the
// precache, and proof that a language's cards load only when that language is used.
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { serve } from './dataLayer.mjs';
import { BROWSER_ARGS, CHROMIUM, ROOT, WORK, median } from './lib.mjs';

const PAGE_OUT = join(WORK, 'cardsPage');
const CPU_SLOWDOWN = 4;
/** The chunks that hold card content: one per language and the glossary (src/cards/loadCards.ts). */
const CARD_CHUNK = /(^|\/)assets\/(nlCards|enCards|glossaryContent)-[^/]+\.js$/;

/** From measureSizes(): the card chunks in the precache and their gzip bytes together. */
export function cardChunkSizes(sizes) {
  const chunks = sizes.precache.filter((c) => CARD_CHUNK.test(c.file));
  if (chunks.length !== 3) throw new Error(`Expected 3 card chunks (nl, en, glossary) in the precache, found: ${chunks.map((c) => c.file).join(', ') || 'none'}`);
  return { bytes: chunks.reduce((n, c) => n + c.gzip, 0), chunks };
}

/**
 * Builds test/bench/cardsPage (the app's search module over the real content, no app around it), then times
 * every query of its fixed list `reps` times with the CPU slowed down 4x, as on a modest tablet.
 */
export async function measureCardSearch({ reps, log }) {
  await build({
    configFile: false,
    root: join(ROOT, 'test/bench/cardsPage'),
    logLevel: 'warn',
    build: { outDir: PAGE_OUT, emptyOutDir: true, target: 'es2022', sourcemap: false },
  });
  const server = await serve(PAGE_OUT);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: BROWSER_ARGS });
  try {
    const page = await browser.newPage();
    page.on('pageerror', (e) => log(`card bench page error: ${e.message}`));
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    await page.waitForFunction(() => document.title === 'bench ready', null, { timeout: 30_000 });
    const fast = [];
    for (let i = 0; i < 3; i++) fast.push(await page.evaluate(() => window.cardBench.busyLoop()));
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    const slowdown = (await page.evaluate(() => window.cardBench.busyLoop())) / median(fast);
    if (slowdown < 1.5) throw new Error(`CPU throttling did not hold: busy loop only ${slowdown.toFixed(1)}x slower`);
    const result = await page.evaluate((n) => window.cardBench.run(n), reps);
    log(`card search: ${result.samples.length} timed searches (${result.queries} queries x ${reps}), index built in ${result.buildMs.toFixed(1)} ms, CPU ${slowdown.toFixed(1)}x slower`);
    return { ...result, slowdown };
  } finally {
    await browser.close();
    await new Promise((resolve) => server.close(resolve));
  }
}

/**
 * A fresh browser opens /kaarten in Dutch (the default language) on the running app; the page's own resource
 * entries then say which card chunks it fetched. The service worker's precache downloads are not page
 * resources, so they do not count here: this is about what using the app in one language loads.
 */
export async function checkLazyCards(url) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: BROWSER_ARGS });
  try {
    const page = await browser.newPage({ locale: 'nl-BE' });
    await page.goto(new URL('/kaarten', url).href);
    await page.locator('main .list li').first().waitFor({ timeout: 30_000 });
    const names = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
    const loaded = (chunk) => names.some((n) => new URL(n).pathname.startsWith(`/assets/${chunk}-`));
    // Without the Dutch chunk in the list the check would prove nothing: a harness failure, not a result.
    if (!loaded('nlCards')) throw new Error(`The nl cards chunk is not among the page's resources: ${names.join(', ')}`);
    return { nl: true, en: loaded('enCards'), lang: await page.getAttribute('html', 'lang') };
  } finally {
    await browser.close();
  }
}
