// `npm run bench`: build, serve, measure, print one table. Exit 0 whatever the verdicts; non-zero only
// when the harness itself could not measure (a missed target is a result, a crash is not).
import { join } from 'node:path';
import { cardChunkSizes, checkLazyCards, measureCardSearch } from './cards.mjs';
import { measureColdStart } from './coldStart.mjs';
import { measureUnlock } from './unlock.mjs';
import { buildBenchPage, measureDataLayer } from './dataLayer.mjs';
import { measureIngest } from './ingest.mjs';
import { freePort, median, run, startProcess, WORK } from './lib.mjs';
import { measureLighthouse } from './lighthouse.mjs';
import { measureSizes } from './sizes.mjs';
import { measureSync } from './sync.mjs';
import { measureStagedSync } from './syncStaged.mjs';
import { formatTable, row } from './table.mjs';

const COLD_RUNS = 11;
const LIGHTHOUSE_RUNS = 5;
const UNLOCK_RUNS = 7;
const IMPORT = { importN: 10_000, importRuns: 9, queryN: 50_000, querySamples: 400 };
const INGEST = { runs: 5, batches: 6 };
const SYNC = { noteCount: 10_000, runs: 5 };
// Five staged runs, not three: one history against its raw write varied from 1.10 to 1.30 between runs in one
// process here (2 cores, IndexedDB's writing alone keeps both busy); a median of three moved with a single run.
const STAGED = { noteCount: 50_000, cases: 2000, runs: 5 };
// BENCH_ONLY=sync: only the sync measurements (the app is still built: its server insists on serving it).
const ONLY_SYNC = process.env.BENCH_ONLY === 'sync';
const CARD_SEARCH_REPS = 40;
const KIB = 1024;
// The app is built into .bench/ rather than dist/: another engineer's build or e2e run in the same tree
// must not swap the files under a running measurement, nor this run theirs. Same `vite build`, same config.
const APP_DIST = join(WORK, 'app-dist');
const WATCHDOG_MS = 30 * 60_000;

const started = Date.now();
const log = (msg) => process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${msg}\n`);
const cleanups = [];
async function cleanUp() {
  while (cleanups.length) await cleanups.pop()().catch((e) => log(`cleanup failed: ${e.message}`));
}
const lte = (value, text) => ({ op: '<=', value, text });
const gte = (value, text) => ({ op: '>=', value, text });

async function main() {
  const rows = [];
  const notes = [];

  log(`building the app into ${APP_DIST}`);
  await run('npx', ['vite', 'build', '--outDir', APP_DIST, '--emptyOutDir']);
  const sizes = await measureSizes(APP_DIST);
  const exact = { unit: 'KiB', runs: '1 (exact)' };
  rows.push(row('critical-path JS, gzip -9 (KiB = 1024 B)', [sizes.criticalBytes / KIB], { ...exact, target: lte(90, '90 KiB') }));
  rows.push(row('whole precache, gzip -9 (KiB = 1024 B)', [sizes.precacheBytes / KIB], { ...exact, target: lte(350, '350 KiB') }));
  notes.push(`critical chunks: ${sizes.critical.map((c) => `${c.file} ${(c.gzip / KIB).toFixed(1)} KiB`).join(', ')}`);
  const cardChunks = cardChunkSizes(sizes);
  rows.push(row('card + glossary chunks in the precache, gzip -9', [cardChunks.bytes / KIB], { ...exact, target: lte(150, '150 KiB') }));
  notes.push(`card chunks: ${cardChunks.chunks.map((c) => `${c.file} ${(c.gzip / KIB).toFixed(1)} KiB`).join(', ')}`);
  notes.push(`precache: ${sizes.precache.length} files (${sizes.precacheListed} manifest entries, duplicates counted once); largest: ${sizes.precache.slice(0, 4).map((c) => `${c.file} ${(c.gzip / KIB).toFixed(1)} KiB`).join(', ')}`);

  if (!ONLY_SYNC) await measureAppAndData(rows, notes);
  await measureAllSync(rows, notes);
  return { rows, notes };
}

async function measureAppAndData(rows, notes) {
  const port = await freePort();
  log(`starting the server on port ${port}`);
  const server = await startProcess('npx', ['tsx', 'src/server/main.ts'], {
    env: { PORT: String(port), HOST: '127.0.0.1', STATIC_DIR: APP_DIST },
    ready: /https?:\/\/\S+/,
  });
  cleanups.push(server.stop);
  const url = `http://127.0.0.1:${port}/`;

  const cold = await measureColdStart(url, COLD_RUNS, log);
  rows.push(row('cold offline start to caseload, CPU 4x', cold.ms, { unit: 'ms', target: lte(400, '400 ms') }));
  // The CPU-bound figures scale with the machine: this fixed loop says how fast this one is, to compare runs.
  rows.push(row('  this machine: fixed busy loop, unthrottled', [cold.loopFast], { unit: 'ms', runs: '5' }));
  const m = (k) => `${median(cold[k]).toFixed(0)} ms`;
  notes.push(`cold start medians: html from SW ${m('htmlEnd')}; entry script requested ${m('scriptRequested')}, first byte ${m('scriptFirstByte')}, last byte ${m('scriptEnd')}; domInteractive ${m('domInteractive')}; caseload mark ${m('ms')} (CPU check: busy loop ${cold.slowdown.toFixed(1)}x slower than unthrottled)`);
  notes.push(`cold start, one extra uncounted run with an IndexedDB probe (ms since navigation): ${cold.phases.join('; ')}`);

  // Issue 13: the same cold start on a signed-in device, which opens with the password.
  const locked = await measureUnlock(url, UNLOCK_RUNS, log);
  rows.push(row('locked cold offline start to unlock screen, CPU 4x', locked.screen, { unit: 'ms', target: lte(250, '250 ms') }));
  rows.push(row('  the app\'s own unlock screen in place of index.html\'s copy, CPU 4x', locked.appScreen, { unit: 'ms' }));
  rows.push(row('  unlock: key derivation (PBKDF2 600,000), CPU 4x', locked.derive, { unit: 'ms' }));
  rows.push(row('unlock: key to caseload drawn (sealed rows), CPU 4x', locked.toCaseload, { unit: 'ms', target: lte(250, '250 ms') }));
  notes.push(`locked cold start: busy loop median ${locked.loop.toFixed(0)} ms under the 4x slowdown (${cold.loopFast.toFixed(0)} ms unthrottled)`);

  const lh = await measureLighthouse(url, LIGHTHOUSE_RUNS, log);
  rows.push(row('Lighthouse performance (mobile)', lh.performance, { digits: 0, target: gte(95, '95') }));
  rows.push(row('Lighthouse accessibility (mobile)', lh.accessibility, { digits: 0, target: gte(100, '100') }));
  notes.push(`lighthouse metric medians: ${lh.metrics.join(', ')}; Lighthouse benchmarkIndex of this machine ${Number.isFinite(lh.benchmarkIndex) ? lh.benchmarkIndex.toFixed(0) : "unknown"} (its 4x CPU slowdown is meant for a high-end desktop, about 1500-2000)`);
  notes.push(`failing accessibility audits: ${lh.failingA11y.length ? lh.failingA11y.join(', ') : 'none'}`);
  if (lh.erroredA11y.length) notes.push(`accessibility audits Lighthouse could not run: ${lh.erroredA11y.join(', ')}`);
  if (lh.repeated) notes.push(`lighthouse: ${lh.repeated} run(s) repeated because the trace came back incomplete`);
  log('checking which card chunks /kaarten loads in nl');
  const lazy = await checkLazyCards(url);
  rows.push(row('en cards chunk loaded while using nl (0 = no)', [lazy.en ? 1 : 0], { digits: 0, runs: '1', target: lte(0, 'no') }));
  await cleanUp(); // the app server is not needed for the data-layer page

  log('building the data-layer bench page');
  await buildBenchPage();
  const data = await measureDataLayer(IMPORT, log);
  const rawMed = median(data.raw);
  const layerMed = median(data.layer);
  rows.push(row(`import ${IMPORT.importN} notes, raw IndexedDB`, data.raw, { unit: 'ms', digits: 0 }));
  rows.push(row(`import ${IMPORT.importN} notes, importSnapshot`, data.layer, { unit: 'ms', digits: 0 }));
  // The ratio of the two medians, as the brief defines it: raw_ms / layer_ms, higher is better.
  rows.push(row('import ratio raw/layer (of medians)', [rawMed / layerMed], { digits: 2, target: gte(0.9, '0.90'), runs: `${data.raw.length}+${data.layer.length}` }));
  const q = data.queries;
  const at = `@${IMPORT.queryN / 1000}k`;
  rows.push(row(`latestNotesOfCase(id, 50) ${at}`, q.latest, { unit: 'ms', digits: 2, judge: 'p95', target: lte(5, '5 ms') }));
  rows.push(row(`notesInRange(from, to, 100) ${at}`, q.range, { unit: 'ms', digits: 2, judge: 'p95', target: lte(5, '5 ms') }));
  rows.push(row(`  baseline: same query on raw IDB ${at}`, q.rawLatest, { unit: 'ms', digits: 2 }));
  rows.push(row(`  baseline: same range on raw IDB ${at}`, q.rawRange, { unit: 'ms', digits: 2 }));
  // Issue 13: a signed-in device seals what it stores and opens what it reads.
  rows.push(row(`write ${IMPORT.importN} pulled notes (applyPage), plaintext`, data.plainPulled, { unit: 'ms', digits: 0 }));
  rows.push(row(`  the same, sealed (data key in memory)`, data.sealedPulled, { unit: 'ms', digits: 0 }));
  rows.push(row('encrypted import ratio sealed/plaintext (of medians)', [median(data.sealedPulled) / median(data.plainPulled)], { digits: 2, target: lte(1.3, '1.3x'), runs: `${data.sealedPulled.length}+${data.plainPulled.length}` }));
  rows.push(row(`latestNotesOfCase(id, 50) ${at}, sealed, opened`, data.sealedQueries.latest, { unit: 'ms', digits: 2, judge: 'p95', target: lte(8, '8 ms') }));
  rows.push(row(`case timeline, 50 sealed notes opened and drawn, CPU 4x`, data.timeline, { unit: 'ms', digits: 1, target: lte(30, '30 ms') }));
  notes.push(`sealed timeline: CPU check: busy loop ${data.timelineSlowdown.toFixed(1)}x slower than unthrottled`);
  log('measuring card search (Chromium, CPU 4x)');
  const search = await measureCardSearch({ reps: CARD_SEARCH_REPS, log });
  rows.push(row(`card search, ${search.queries} queries, CPU 4x`, search.samples, { unit: 'ms', digits: 2, judge: 'p95', target: lte(10, '10 ms') }));
  notes.push(`card search: the index of both languages is built in ${search.buildMs.toFixed(0)} ms (once per language, when its cards load); ${search.withHits}/${search.queries} queries find a card; the page's clock is coarsened to 0.1 ms, so faster searches read as 0 or 0.1 ms (CPU check: ${search.slowdown.toFixed(1)}x slower)`);
  notes.push(`queries: ${IMPORT.queryN} notes over 500 cases imported via importSnapshot in ${(q.importMs / 1000).toFixed(1)} s; ${q.avgRowsPerQuery.toFixed(1)} rows returned per query on average`);

  log('measuring server ingest (SQLite, PostgreSQL)');
  const ingest = await measureIngest({ ...INGEST, log });
  rows.push(row('server ingest, SQLite file (WAL, synchronous=FULL)', ingest.sqlite, { unit: 'changes/s', digits: 0, target: gte(5000, '5,000/s') }));
  if (ingest.postgres) rows.push(row('server ingest, PostgreSQL', ingest.postgres, { unit: 'changes/s', digits: 0, target: gte(2000, '2,000/s') }));
  rows.push(row('push of 500, SQLite: clean', ingest.isolation.clean, { unit: 'ms', digits: 0 }));
  rows.push(row('  one refused in the middle, 499 applied', ingest.isolation.oneBad, { unit: 'ms', digits: 0 }));
  // The ratio of the two medians, measured side by side (alternating) in this run: lower is better.
  rows.push(row('refused change isolated: one-bad/clean (of medians)', [median(ingest.isolation.oneBad) / median(ingest.isolation.clean)], { digits: 2, target: lte(2, '2x'), runs: `${ingest.isolation.oneBad.length}+${ingest.isolation.clean.length}` }));
  notes.push(...ingest.notes);
}

async function measureAllSync(rows, notes) {
  log('measuring sync (fresh device vs PouchDB, offline edits pushed, remote changes pulled)');
  const sync = await measureSync({ appDist: APP_DIST, ...SYNC, log, register: (fn) => cleanups.push(fn) });
  const n = SYNC.noteCount.toLocaleString('en');
  rows.push(row(`sync: fresh device, ${n} notes until queryable`, sync.fresh, { unit: 'ms', digits: 0, target: lte(3000, '3 s') }));
  rows.push(row(`  PouchDB replicating the same ${n} docs`, sync.pouch, { unit: 'ms', digits: 0 }));
  // As for the import ratio: the ratio of the two medians, PouchDB_ms / Veldwerk_ms, higher is better.
  // Issue 12: the earlier 10x is retired, IndexedDB's own write floor sits above it.
  rows.push(row('sync ratio PouchDB/Veldwerk (of medians)', [median(sync.pouch) / median(sync.fresh)], { digits: 2, target: gte(4.5, '4.5x'), runs: `${sync.pouch.length}+${sync.fresh.length}` }));
  rows.push(row(`sync: fresh device, ${n} notes, sealed (signed in)`, sync.freshSealed, { unit: 'ms', digits: 0 }));
  rows.push(row('encrypted sync ratio sealed/plaintext (of medians)', [median(sync.freshSealed) / median(sync.fresh)], { digits: 2, target: lte(1.15, '1.15x'), runs: `${sync.freshSealed.length}+${sync.fresh.length}` }));
  rows.push(row('sync: 1,000 offline edits pushed and acknowledged', sync.push, { unit: 'ms', digits: 0, target: lte(1000, '1 s') }));
  rows.push(row('  whole syncOnce, pulling them back included', sync.pushWhole, { unit: 'ms', digits: 0 }));
  rows.push(row('sync: 100 remote changes visible after sync', sync.remote, { unit: 'ms', digits: 0, target: lte(1000, '1 s') }));
  notes.push(...sync.notes);

  log(`measuring the staged first sync (${STAGED.noteCount} notes over ${STAGED.cases} cases)`);
  const staged = await measureStagedSync({ appDist: APP_DIST, ...STAGED, log, register: (fn) => cleanups.push(fn) });
  const big = `${STAGED.noteCount.toLocaleString('en')} notes / ${STAGED.cases.toLocaleString('en')} cases`;
  rows.push(row(`fresh device, ${big}: sign-in to usable caseload`, staged.caseload, { unit: 'ms', digits: 0, target: lte(1500, '1.5 s') }));
  rows.push(row(`  sign-in to one open case's newest 20 notes`, staged.caseNotes, { unit: 'ms', digits: 0, target: lte(1500, '1.5 s') }));
  rows.push(row(`  whole note history in the background`, staged.history, { unit: 'ms', digits: 0 }));
  rows.push(row(`  the same rows only written into IndexedDB`, staged.raw, { unit: 'ms', digits: 0 }));
  rows.push(row('history ratio background/IndexedDB writes (of medians)', [median(staged.history) / median(staged.raw)], { digits: 2, target: lte(1.2, '1.2x'), runs: `${staged.history.length}+${staged.raw.length}` }));
  // CPU-bound figures scale with the machine: the same fixed loop as the cold start's, in the sync page.
  rows.push(row('  this machine: fixed busy loop, unthrottled (sync page)', [staged.loopFast], { unit: 'ms', runs: '5' }));
  notes.push(...staged.notes);
}

const watchdog = setTimeout(() => {
  log(`harness still running after ${WATCHDOG_MS / 60_000} min: giving up`);
  void cleanUp().finally(() => process.exit(2));
}, WATCHDOG_MS);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => void cleanUp().finally(() => process.exit(130)));

try {
  const { rows, notes } = await main();
  const minutes = ((Date.now() - started) / 60_000).toFixed(1);
  process.stdout.write(`\nVeldwerk benchmark (${new Date().toISOString()}, total ${minutes} min)\n\n${formatTable(rows)}\n\n`);
  process.stdout.write(`${ONLY_SYNC ? 'BENCH_ONLY=sync: app, data-layer, card and ingest measurements skipped\n' : ''}runs: cold start ${COLD_RUNS}, Lighthouse ${LIGHTHOUSE_RUNS}, import ${IMPORT.importRuns} raw + ${IMPORT.importRuns} layer (alternating, after 1 untimed each; each on a fresh database after a 250 ms quiet pause), queries ${IMPORT.querySamples} per query (after 10 untimed), ingest ${INGEST.runs} per database (after 1 untimed), sync ${SYNC.runs} per measurement (after 1 untimed; fresh device and PouchDB alternating), staged first sync ${STAGED.runs} (after 1 untimed; alternating with the raw write of the same rows), card search ${CARD_SEARCH_REPS} per query (after 1 untimed); sizes are exact\n`);
  for (const note of notes) process.stdout.write(`- ${note}\n`);
  process.exitCode = 0;
} catch (e) {
  process.stderr.write(`\nBENCHMARK HARNESS FAILED: ${e?.stack ?? e}\n`);
  process.exitCode = 1;
} finally {
  clearTimeout(watchdog);
  await cleanUp();
  // Explicit: a stray handle in a library (a launcher's timer, a socket) must not keep the process alive.
  process.exit(process.exitCode);
}
