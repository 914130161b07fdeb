// The data-layer benchmarks: build test/bench/page with Vite, serve it, drive window.bench in Chromium.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { BROWSER_ARGS, CHROMIUM, ROOT, freshDir, removeDir, WORK } from './lib.mjs';

const PAGE_OUT = join(WORK, 'page');
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css' };

/** A plain Vite build of the bench page only: no app config, so no PWA plugin and no service worker. */
export async function buildBenchPage() {
  await build({
    configFile: false,
    root: join(ROOT, 'test/bench/page'),
    logLevel: 'warn',
    // src/db has no JSX and no build-time defines, so the app's plugins are not needed.
    build: { outDir: PAGE_OUT, emptyOutDir: true, target: 'es2022', sourcemap: false },
  });
}

/** The smallest static server that will do: GET files from the built page, nothing else. */
export function serve(dir) {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(dir, path.endsWith('/') ? `${path}index.html` : path);
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/**
 * importRuns × (raw, layer) alternately at `importN` notes, then the queries at `queryN` notes.
 * Alternating spreads any drift (disk cache, GC, thermal) over both sides evenly.
 */
export async function measureDataLayer({ importN, importRuns, queryN, querySamples }, log) {
  const server = await serve(PAGE_OUT);
  const url = `http://127.0.0.1:${server.address().port}/`;
  const profile = freshDir('profile-data');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: BROWSER_ARGS,
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (e) => log(`bench page error: ${e.message}`));
    await page.goto(url);
    await page.waitForFunction(() => document.title === 'bench ready', null, { timeout: 30_000 });
    const check = await page.evaluate((n) => window.bench.validate(n), importN);
    log(`data layer: ${importN} notes valid per SnapshotSchema, ${check.bytesPerNote.toFixed(0)} bytes JSON each (parseSnapshot: ${check.ms.toFixed(0)} ms, not part of the import timing)`);
    // One untimed round of each first: JIT, IndexedDB backend start-up and the generated records' cache.
    await page.evaluate((n) => window.bench.rawImport(n), importN);
    await page.evaluate((n) => window.bench.dataLayerImport(n), importN);
    const raw = [];
    const layer = [];
    for (let i = 0; i < importRuns; i++) {
      raw.push(await page.evaluate((n) => window.bench.rawImport(n), importN));
      layer.push(await page.evaluate((n) => window.bench.dataLayerImport(n), importN));
      log(`import run ${i + 1}/${importRuns}: raw ${raw.at(-1).toFixed(0)} ms, data layer ${layer.at(-1).toFixed(0)} ms`);
    }
    // Issue 13: the signed-in device's write path, sealed against plaintext, alternately (one untimed round each).
    await page.evaluate((n) => window.bench.pulledImport(n, false), importN);
    await page.evaluate((n) => window.bench.pulledImport(n, true), importN);
    const plainPulled = [];
    const sealedPulled = [];
    for (let i = 0; i < importRuns; i++) {
      plainPulled.push(await page.evaluate((n) => window.bench.pulledImport(n, false), importN));
      sealedPulled.push(await page.evaluate((n) => window.bench.pulledImport(n, true), importN));
      log(`pulled import run ${i + 1}/${importRuns}: plaintext ${plainPulled.at(-1).toFixed(0)} ms, sealed ${sealedPulled.at(-1).toFixed(0)} ms`);
    }
    const q = await page.evaluate(([n, s]) => window.bench.queries(n, s), [queryN, querySamples]);
    log(`queries: ${queryN} notes imported in ${q.importMs.toFixed(0)} ms; ${q.avgRowsPerQuery.toFixed(1)} rows per query on average`);
    const sealedQ = await page.evaluate(([n, s]) => window.bench.sealedLatest(n, s), [queryN, querySamples]);
    log(`sealed queries: ${queryN} notes written sealed in ${sealedQ.importMs.toFixed(0)} ms`);
    // A case's timeline, decrypted and drawn, at 4x CPU (the slowdown checked by a busy loop, as for the cold start).
    const cdp = await context.newCDPSession(page);
    const loop = () => page.evaluate(() => {
      const t = performance.now();
      let x = 0;
      for (let i = 0; i < 1e7; i++) x += Math.sqrt(i);
      return x > 0 ? performance.now() - t : -1;
    });
    const fast = await loop();
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.evaluate(() => window.bench.sealedTimeline(5));
    const timeline = await page.evaluate(() => window.bench.sealedTimeline(40));
    const slow = await loop();
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await page.evaluate(() => window.bench.closeSealed());
    log(`sealed timeline: busy loop ${slow.toFixed(0)} ms at 4x vs ${fast.toFixed(0)} ms unthrottled`);
    return { raw, layer, queries: q, plainPulled, sealedPulled, sealedQueries: sealedQ, timeline, timelineSlowdown: slow / fast };
  } finally {
    await context.close();
    removeDir(profile);
    await new Promise((resolve) => server.close(resolve));
  }
}
